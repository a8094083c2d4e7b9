// swift-tools-version:6.0
import PackageDescription

// The folders mirror the architecture: RLCore knows nothing of Pong, RLPong knows
// nothing of SDL, and the `rl` executable is a thin shell over RLApp.
let package = Package(
    name: "rl",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "rl", targets: ["rl"]),
        .library(name: "RLCore", targets: ["RLCore"]),
        .library(name: "RLTabular", targets: ["RLTabular"]),
        .library(name: "RLPong", targets: ["RLPong"]),
        .library(name: "RLCliffWalking", targets: ["RLCliffWalking"]),
        .library(name: "RLPongDuel", targets: ["RLPongDuel"]),
        .library(name: "RLMaximizationBias", targets: ["RLMaximizationBias"]),
        .library(name: "RLFrozenLake", targets: ["RLFrozenLake"]),
        .library(name: "RLTaxi", targets: ["RLTaxi"]),
        .library(name: "RLBlackjack", targets: ["RLBlackjack"]),
        .library(name: "RLClassicControl", targets: ["RLClassicControl"]),
        .library(name: "RLPlanning", targets: ["RLPlanning"]),
        .library(name: "RLFeatures", targets: ["RLFeatures"]),
        .library(name: "RLLinear", targets: ["RLLinear"]),
        .library(name: "RLNeural", targets: ["RLNeural"]),
        .library(name: "RLDeep", targets: ["RLDeep"]),
        .library(name: "RLExperiments", targets: ["RLExperiments"]),
        .library(name: "RLBandits", targets: ["RLBandits"]),
        .library(name: "RLRandomWalk", targets: ["RLRandomWalk"]),
        .library(name: "RLPrediction", targets: ["RLPrediction"]),
        .library(name: "RLGambler", targets: ["RLGambler"]),
        .library(name: "RLInfiniteVariance", targets: ["RLInfiniteVariance"]),
        .library(name: "RLWindyGridworld", targets: ["RLWindyGridworld"]),
        .library(name: "RLJacksCarRental", targets: ["RLJacksCarRental"]),
        .library(name: "RLMaze", targets: ["RLMaze"]),
        .library(name: "RLShortCorridor", targets: ["RLShortCorridor"]),
        .library(name: "RLPolicyGradient", targets: ["RLPolicyGradient"]),
        .library(name: "RLBaird", targets: ["RLBaird"]),
        .library(name: "RLRandomTask", targets: ["RLRandomTask"]),
        .library(name: "RLAccessControl", targets: ["RLAccessControl"]),
        .library(name: "RLSmallGridworld", targets: ["RLSmallGridworld"]),
        .library(name: "RLBook", targets: ["RLBook"]),
        .library(name: "RLApp", targets: ["RLApp"]),
        // The C interface the Python package loads (python/, docs/PYTHON.md): libRLGymnasium.so.
        .library(name: "RLGymnasium", type: .dynamic, targets: ["RLGymnasiumC"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
    ],
    targets: [
        // Protocols, spaces, the seeded PRNG, the trainer and statistics. No Foundation.
        .target(name: "RLCore"),
        // The single-paddle Pong of the reference rules.
        .target(name: "RLPong", dependencies: ["RLCore"]),
        // What a linear agent sees of an observation: tile coding, aggregation, Fourier, one-hot.
        .target(name: "RLFeatures", dependencies: ["RLCore"]),
        // Linear agents over features (S&B Part II): semi-gradient Q/Sarsa/Expected Sarsa, Sarsa(λ), true online Sarsa(λ).
        .target(name: "RLLinear", dependencies: ["RLCore", "RLTabular", "RLFeatures"]),
        // Float32 multilayer perceptrons, their losses, the categorical head and Adam: no world, no agent.
        // Matrix products go through OpenBLAS, one thread per process.
        .target(name: "RLNeural", dependencies: ["RLCore", "COpenBLAS", "CNeuralKernels"]),
        // Deep agents on the neural core (DQN, PPO): their own training loops over any world.
        .target(name: "RLDeep", dependencies: ["RLCore", "RLNeural", "RLTabular"]),
        // The neural core's tanh and elementwise loops in C, vectorised as wide as the processor
        // allows (chosen at run time), with fused multiply-adds written out where wanted and never
        // contracted by the compiler, so every machine gets the same bits.
        .target(name: "CNeuralKernels", cSettings: [.unsafeFlags(["-O3", "-ffp-contract=off", "-fno-math-errno"])]),
        // Debian's OpenBLAS (libopenblas-dev), its CBLAS interface.
        .systemLibrary(
            name: "COpenBLAS", pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"])]),
        // The neural core's speed against raw cblas_sgemm calls (`swift run -c release neural-bench`).
        .executableTarget(
            name: "neural-bench", dependencies: ["RLNeural", "RLCore", "COpenBLAS", "CAllocationCounter"], path: "benchmarks/NeuralBench"),
        // Counts heap allocations by standing in for malloc: linked into neural-bench alone.
        .target(name: "CAllocationCounter", path: "benchmarks/CAllocationCounter"),
        // Two-player Pong: a paddle at each end, on the classic or the fast court.
        .target(name: "RLPongDuel", dependencies: ["RLCore"]),
        // Sutton & Barto's Cliff Walking: a second world that proves the protocols generic.
        .target(name: "RLCliffWalking", dependencies: ["RLCore"]),
        // Sutton & Barto's maximisation-bias example (Figure 6.5): where Double Q-learning shows.
        .target(name: "RLMaximizationBias", dependencies: ["RLCore"]),
        // Gymnasium's toy-text worlds, numbered as Gymnasium numbers them (docs/WORLDS.md).
        .target(name: "RLFrozenLake", dependencies: ["RLCore"]),
        .target(name: "RLTaxi", dependencies: ["RLCore"]),
        .target(name: "RLBlackjack", dependencies: ["RLCore"]),
        // Gymnasium's classic-control worlds (Cart Pole, Mountain Car, Acrobot): real coordinates,
        // float64 dynamics identical to Gymnasium's, checked against its golden trajectories.
        .target(name: "RLClassicControl", dependencies: ["RLCore"]),
        // Planners over a known model: value iteration, policy iteration, finite-horizon returns.
        .target(name: "RLPlanning", dependencies: ["RLCore"]),
        // Dense Q-tables, the tabular agents (Sources/RLTabular/Agents) and safetensors policy files.
        .target(name: "RLTabular", dependencies: ["RLCore"]),
        // Experiments at scale: aggregate statistics over runs (rliable's), TensorBoard event
        // files and crash-safe JSON lines.
        .target(name: "RLExperiments", dependencies: ["RLCore"]),
        // The floor yardstick: `rl bench`'s training loop in plain C, the same draws and table.
        // -O3 so the floor is what the C compiler can do at its best (an unsafe flag: fine in
        // this root package; a package depending on `rl` would not build this target).
        .target(name: "CPongFloor", cSettings: [.unsafeFlags(["-O3"])]),
        // Sutton & Barto's k-armed testbed and the bandit methods of chapter 2 (Sources/RLBandits/Agents).
        .target(name: "RLBandits", dependencies: ["RLCore", "RLTabular"]),
        // Sutton & Barto's random walks (Example 6.2, Figure 7.2) and their equiprobable policy.
        .target(name: "RLRandomWalk", dependencies: ["RLCore"]),
        // Value estimators of a fixed policy (prediction): TD(0), constant-α Monte Carlo, n-step TD.
        .target(name: "RLPrediction", dependencies: ["RLCore", "RLFeatures"]),
        // Sutton & Barto's gambler's problem (Example 4.3) as a model, for the planners.
        .target(name: "RLGambler", dependencies: ["RLCore"]),
        // Sutton & Barto's one-state loop of Example 5.5 (infinite variance), with its model.
        .target(name: "RLInfiniteVariance", dependencies: ["RLCore"]),
        // Sutton & Barto's windy gridworld (Example 6.5; king's moves and stochastic wind,
        // Exercises 6.9 and 6.10), with its model.
        .target(name: "RLWindyGridworld", dependencies: ["RLCore"]),
        // Sutton & Barto's Jack's car rental (Example 4.2) as an exact model, for the planners.
        .target(name: "RLJacksCarRental", dependencies: ["RLCore"]),
        // Sutton & Barto's mazes of chapter 8 (the Dyna maze, the blocking and shortcut mazes).
        .target(name: "RLMaze", dependencies: ["RLCore"]),
        // Sutton & Barto's short corridor with switched actions (Example 13.1), with its model.
        .target(name: "RLShortCorridor", dependencies: ["RLCore"]),
        // Policy-gradient methods of chapter 13: a soft-max linear policy, REINFORCE, with and without baseline.
        .target(name: "RLPolicyGradient", dependencies: ["RLCore", "RLFeatures", "RLTabular"]),
        // Baird's counterexample (Example 11.1), with its model, features and behaviour policy.
        .target(name: "RLBaird", dependencies: ["RLCore"]),
        // §8.6's randomly generated tasks (Figure 8.8): b branches, 0.1 termination, N(0, 1) rewards.
        .target(name: "RLRandomTask", dependencies: ["RLCore"]),
        // Example 10.2's access-control queuing task (Figure 10.5): a continuing task, with its model.
        .target(name: "RLAccessControl", dependencies: ["RLCore"]),
        // Sutton & Barto's 4 × 4 gridworld (Example 4.1, Figure 4.1), with its model.
        .target(name: "RLSmallGridworld", dependencies: ["RLCore"]),
        // `rl book`: the book's figures as declarations (Sources/RLBook/Figures), their in-memory
        // runner, checks against the book's values, and their pictures.
        .target(
            name: "RLBook",
            dependencies: [
                "RLCore", "RLBandits", "RLRandomWalk", "RLPrediction", "RLGambler", "RLMaze", "RLPlanning", "RLApp", "RLExperiments",
                "RLTabular", "RLRender", "RLBlackjack", "RLInfiniteVariance", "RLWindyGridworld", "RLJacksCarRental", "RLFeatures",
                "RLShortCorridor", "RLPolicyGradient", "RLBaird",
                "RLRandomTask", "RLClassicControl", "RLLinear", "RLAccessControl", "RLSmallGridworld",
            ]),
        // The registry of worlds (Sources/RLApp/Worlds) and agents, and what each command does.
        .target(
            name: "RLApp",
            dependencies: [
                "RLCore", "RLPong", "RLPongDuel", "RLCliffWalking", "RLMaximizationBias", "RLFrozenLake", "RLTaxi", "RLBlackjack",
                "RLPlanning", "RLTabular", "RLFeatures", "RLLinear", "RLDeep", "RLClassicControl", "RLClassicControlRender", "RLRender",
                "RLPongRender", "RLGridRender", "RLWindyGridworld", "RLMaze", "RLGambler", "RLShortCorridor",
                "RLRandomWalk", "RLSmallGridworld", "RLBaird", "RLBandits", "RLExperiments", "RLPrediction",
                "RLPolicyGradient", "RLJacksCarRental", "RLAccessControl",
            ]),
        // What to draw, as plain values (rectangles, circles, text in a bitmap font): no SDL.
        .target(name: "RLRender"),
        // Pong's pictures: a game state (and what the agent sees) as a scene. Knows Pong, not SDL.
        .target(name: "RLPongRender", dependencies: ["RLRender", "RLPong"]),
        // The grid worlds' pictures (FrozenLake, Cliff Walking, Taxi, Blackjack, the windy gridworld, the mazes). Knows the worlds, not SDL.
        .target(
            name: "RLGridRender",
            dependencies: [
                "RLRender", "RLFrozenLake", "RLCliffWalking", "RLTaxi", "RLBlackjack", "RLWindyGridworld", "RLMaze", "RLShortCorridor",
            ]),
        // The classic-control worlds' pictures, as Gymnasium draws them. Knows the worlds, not SDL.
        .target(name: "RLClassicControlRender", dependencies: ["RLRender", "RLGridRender", "RLClassicControl"]),
        // Pong-duel's pictures (rl play, rl watch --env pong-duel). Knows the duel, not SDL.
        .target(name: "RLPongDuelRender", dependencies: ["RLRender", "RLPongDuel", "RLCore"]),
        // SDL2 and SDL2_image, for windows and PNG files. Only the renderer links it.
        .systemLibrary(
            name: "CSDL2", pkgConfig: "sdl2",
            providers: [.apt(["libsdl2-dev", "libsdl2-image-dev"])]),
        // Paints scenes with SDL: windows, and PNG files without a display.
        .target(name: "RLSDL", dependencies: ["CSDL2", "RLRender"]),
        .executableTarget(
            name: "rl",
            dependencies: [
                "RLApp", "RLBook", "RLExperiments", "RLRender", "RLPongRender", "RLPongDuelRender", "RLSDL", "CPongFloor",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // `@_cdecl` functions over plain buffers: every registered world, stepped in batches, for
        // the Python package (python/rl_gymnasium, through ctypes). A thin shell over RLApp.
        .target(name: "RLGymnasiumC", dependencies: ["RLApp", "RLRender", "RLSDL"]),
        // Helpers shared by the test targets (running Python for the interoperability tests).
        .target(name: "RLTestSupport", path: "Tests/RLTestSupport"),
        .testTarget(name: "RLCoreTests", dependencies: ["RLCore"]),
        .testTarget(name: "RLPongTests", dependencies: ["RLPong", "RLCore"]),
        .testTarget(name: "RLPongDuelTests", dependencies: ["RLPongDuel", "RLCore", "RLTabular"]),
        .testTarget(
            name: "CPongFloorTests",
            dependencies: ["CPongFloor", "RLCore", "RLPong", "RLTabular", "RLApp", "RLClassicControl", "RLFeatures", "RLLinear"]),
        .testTarget(
            name: "RLClassicControlRenderTests",
            dependencies: ["RLClassicControlRender", "RLClassicControl", "RLGridRender", "RLRender", "GymnasiumFixtures"]),
        .testTarget(name: "RLFeaturesTests", dependencies: ["RLFeatures", "RLCore", "RLTestSupport"]),
        .testTarget(name: "RLNeuralTests", dependencies: ["RLNeural", "RLCore", "COpenBLAS"]),
        .testTarget(
            name: "RLDeepTests", dependencies: ["RLDeep", "RLNeural", "RLTabular", "RLCore", "RLClassicControl", "RLCliffWalking"]),
        .testTarget(name: "RLLinearTests", dependencies: ["RLLinear", "RLFeatures", "RLTabular", "RLCore", "RLCliffWalking"]),
        .testTarget(name: "RLTabularTests", dependencies: ["RLTabular", "RLCore", "RLCliffWalking", "RLPong", "RLTestSupport"]),
        .testTarget(
            name: "RLAppTests",
            dependencies: [
                "RLApp", "RLMaximizationBias", "RLTabular", "RLPong", "RLPongRender", "RLRender", "RLSDL", "RLCore", "RLTestSupport",
            ]),
        .testTarget(name: "CommandLineTests", dependencies: ["rl", "RLSDL", "RLApp", "RLExperiments", "RLNeural", "RLTestSupport"]),
        .testTarget(
            name: "RLGymnasiumTests",
            dependencies: ["RLApp", "RLCore", "RLDeep", "RLNeural", "RLTabular", "RLBlackjack", "RLTestSupport"]),
        .testTarget(name: "ExampleTests", dependencies: ["RLCore", "RLTabular", "RLApp"]),
        // Gymnasium's dumped models (Tests/Fixtures/gymnasium), read for the parity tests.
        .target(name: "GymnasiumFixtures", dependencies: ["RLCore"], path: "Tests/GymnasiumFixtures"),
        .testTarget(name: "RLFrozenLakeTests", dependencies: ["RLFrozenLake", "RLCore", "GymnasiumFixtures"]),
        .testTarget(name: "RLTaxiTests", dependencies: ["RLTaxi", "RLCore", "GymnasiumFixtures"]),
        .testTarget(
            name: "RLBlackjackTests",
            dependencies: ["RLBlackjack", "RLCore", "RLPlanning", "RLPrediction", "RLTabular", "GymnasiumFixtures"]),
        .testTarget(name: "RLClassicControlTests", dependencies: ["RLClassicControl", "RLCore", "GymnasiumFixtures"]),
        .testTarget(name: "RLCliffWalkingTests", dependencies: ["RLCliffWalking", "RLCore", "GymnasiumFixtures"]),
        .testTarget(name: "RLPlanningTests", dependencies: ["RLPlanning", "RLCore", "RLFrozenLake", "RLTaxi", "GymnasiumFixtures"]),
        .testTarget(name: "RLBanditsTests", dependencies: ["RLBandits", "RLCore", "RLTabular"]),
        .testTarget(name: "RLPredictionTests", dependencies: ["RLPrediction", "RLRandomWalk", "RLCore", "RLFeatures", "RLBaird"]),
        .testTarget(name: "RLGamblerTests", dependencies: ["RLGambler", "RLPlanning", "RLCore"]),
        .testTarget(name: "RLJacksCarRentalTests", dependencies: ["RLJacksCarRental", "RLPlanning", "RLCore"]),
        .testTarget(name: "RLWindyGridworldTests", dependencies: ["RLWindyGridworld", "RLPlanning", "RLCore"]),
        .testTarget(name: "RLInfiniteVarianceTests", dependencies: ["RLInfiniteVariance", "RLPrediction", "RLPlanning", "RLCore"]),
        .testTarget(name: "RLMazeTests", dependencies: ["RLMaze", "RLPlanning", "RLCore"]),
        .testTarget(name: "RLShortCorridorTests", dependencies: ["RLShortCorridor", "RLCore"]),
        .testTarget(name: "RLPolicyGradientTests", dependencies: ["RLPolicyGradient", "RLFeatures", "RLCore", "RLTabular"]),
        .testTarget(name: "RLBairdTests", dependencies: ["RLBaird", "RLCore"]),
        .testTarget(name: "RLRandomTaskTests", dependencies: ["RLRandomTask", "RLPlanning", "RLCore"]),
        .testTarget(name: "RLAccessControlTests", dependencies: ["RLAccessControl", "RLCore"]),
        .testTarget(name: "RLSmallGridworldTests", dependencies: ["RLSmallGridworld", "RLPlanning", "RLCore"]),
        .testTarget(name: "RLBookTests", dependencies: ["RLBook", "RLBandits", "RLApp", "RLExperiments", "RLCore", "RLTabular"]),
        .testTarget(name: "RLExperimentsTests", dependencies: ["RLExperiments", "RLCore", "RLTestSupport"]),
        .testTarget(name: "RLRenderTests", dependencies: ["RLRender", "RLSDL", "RLTestSupport"]),
        .testTarget(name: "RLPongDuelRenderTests", dependencies: ["RLPongDuelRender", "RLPongDuel", "RLRender", "RLCore"]),
        .testTarget(name: "RLPongRenderTests", dependencies: ["RLPongRender", "RLRender", "RLPong", "RLSDL", "CSDL2"]),
        .testTarget(
            name: "RLGridRenderTests",
            dependencies: ["RLGridRender", "RLRender", "RLSDL", "RLFrozenLake", "RLCliffWalking", "RLTaxi", "RLBlackjack"]),
    ],
    swiftLanguageModes: [.v6]
)
