# A Python replica in the tutorial's style (classes, numpy Q-table, random tie-breaking),
# to measure Python's steps per second on this machine next to rl's: `python3 benchmarks/tutorial_like.py`.
import numpy as np, random, time, math

class PongEnvironment:
    def __init__(self, max_life=3, height_px=40, width_px=50, movimiento_px=3):
        self.action_space = ['Arriba', 'Abajo']
        self._step_penalization = 0
        self.state = [0, 0, 0]
        self.total_reward = 0
        self.dx = movimiento_px
        self.dy = movimiento_px
        filas = math.ceil(height_px / movimiento_px)
        columnas = math.ceil(width_px / movimiento_px)
        self.positions_space = np.array([[[0 for z in range(columnas)] for y in range(filas)] for x in range(filas)])
        self.lives = max_life
        self.max_life = max_life
        self.x = random.randint(int(width_px / 2), width_px)
        self.y = random.randint(0, height_px - 10)
        self.player_alto = int(height_px / 4)
        self.player1 = self.player_alto
        self.score = 0
        self.width_px = width_px
        self.height_px = height_px
        self.radio = 2.5
        self.movimiento_px = movimiento_px

    def reset(self):
        self.total_reward = 0
        self.state = [0, 0, 0]
        self.lives = self.max_life
        self.score = 0
        self.x = random.randint(int(self.width_px / 2), self.width_px)
        self.y = random.randint(0, self.height_px - 10)
        return self.state

    def step(self, action, animate=False):
        self._apply_action(action, animate)
        done = self.lives <= 0
        reward = self.score
        reward += self._step_penalization
        self.total_reward += reward
        return self.state, reward, done

    def _apply_action(self, action, animate=False):
        if action == "Arriba":
            self.player1 += abs(self.dy)
        elif action == "Abajo":
            self.player1 -= abs(self.dy)
        self.avanza_player()
        self.avanza_frame()
        self.state = (math.floor(self.player1 / abs(self.dy)) - 2, math.floor(self.y / abs(self.dy)) - 2, math.floor(self.x / abs(self.dx)) - 2)

    def detectaColision(self, ball_y, player_y):
        return (player_y + self.player_alto >= (ball_y - self.radio)) and (player_y <= (ball_y + self.radio))

    def avanza_player(self):
        if self.player1 + self.player_alto >= self.height_px:
            self.player1 = self.height_px - self.player_alto
        elif self.player1 <= -abs(self.dy):
            self.player1 = -abs(self.dy)

    def avanza_frame(self):
        self.x += self.dx
        self.y += self.dy
        if self.x <= 3 or self.x > self.width_px:
            self.dx = -self.dx
            if self.x <= 3:
                ret = self.detectaColision(self.y, self.player1)
                if ret:
                    self.score = 10
                else:
                    self.score = -10
                    self.lives -= 1
                    if self.lives > 0:
                        self.x = random.randint(int(self.width_px / 2), self.width_px)
                        self.y = random.randint(0, self.height_px - 10)
                        self.dx = abs(self.dx)
                        self.dy = abs(self.dy)
        else:
            self.score = 0
        if self.y < 0 or self.y > self.height_px:
            self.dy = -self.dy

class PongAgent:
    def __init__(self, game, policy=None, discount_factor=0.2, learning_rate=0.1, ratio_explotacion=0.85):
        self.q_table = np.zeros(game.positions_space.shape + (len(game.action_space),))
        self.discount_factor = discount_factor
        self.learning_rate = learning_rate
        self.ratio_explotacion = ratio_explotacion

    def get_next_step(self, state, game):
        next_step = np.random.choice(list(game.action_space))
        if np.random.uniform() <= self.ratio_explotacion:
            idx_action = np.random.choice(np.flatnonzero(self.q_table[state[0], state[1], state[2]] == self.q_table[state[0], state[1], state[2]].max()))
            next_step = list(game.action_space)[idx_action]
        return next_step

    def update(self, game, old_state, action_taken, reward_action_taken, new_state, reached_end):
        idx_action_taken = list(game.action_space).index(action_taken)
        actual_q_value_options = self.q_table[old_state[0], old_state[1], old_state[2]]
        actual_q_value = actual_q_value_options[idx_action_taken]
        future_q_value_options = self.q_table[new_state[0], new_state[1], new_state[2]]
        future_max_q_value = reward_action_taken + self.discount_factor * future_q_value_options.max()
        if reached_end:
            future_max_q_value = reward_action_taken
        self.q_table[old_state[0], old_state[1], old_state[2], idx_action_taken] = actual_q_value + self.learning_rate * (future_max_q_value - actual_q_value)

def play(rounds, max_life=3):
    game = PongEnvironment(max_life=max_life)
    agent = PongAgent(game)
    steps = 0
    for _ in range(rounds):
        state = game.reset()
        reward, done, itera = 0, False, 0
        while not done:
            old_state = np.array(state)
            next_action = agent.get_next_step(state, game)
            state, reward, done = game.step(next_action)
            agent.update(game, old_state, next_action, reward, state, done)
            itera += 1
            if itera > 3000:
                break
        steps += itera
    return steps

random.seed(1); np.random.seed(1)
start = time.perf_counter()
steps = play(600)
elapsed = time.perf_counter() - start
print(f"{steps} steps in {elapsed:.2f} s: {steps / elapsed:,.0f} steps/s")
