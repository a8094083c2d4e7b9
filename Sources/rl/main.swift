print("rl")
