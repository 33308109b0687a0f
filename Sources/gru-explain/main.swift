print("gru-explain: under construction")
