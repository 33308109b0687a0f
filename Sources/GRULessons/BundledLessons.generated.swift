// Generated from lessons/*.json by Tests/GRULessonsTests/BundledLessonsTests.swift.
// Do not edit: change the lesson file, then run
//     GRU_EXPLAIN_RECORD=1 swift test --filter BundledLessonsTests

extension LessonLibrary {
    /// The text of every lessons/*.json file, keyed by lesson id (the file name without
    /// `.json`), in file-name order.
    public static let bundledFiles: [(id: String, json: String)] = [
        ("lesson1", #"""
{
  "format": "gru-explain.lesson/1",
  "id": "lesson1",
  "title": {
    "zh": "GRU 如何学会“加 1”：逐个数字看参数学习",
    "en": "How a GRU learns \"add 1\": parameter learning, number by number"
  },
  "description": {
    "zh": "一个隐藏维度为 2 的 GRU 读入序列 [1, 2, 3]，目标是 [2, 3, 4]。我们依次算出时间步 1、2、3 的每个门、候选隐藏状态和隐藏状态，求出损失，再用反向传播通过时间（BPTT）把梯度一步步传回去，做一次参数更新，然后训练到收敛，最后把训练好的模型用在 [4, 5, 6] 上。",
    "en": "A GRU with two hidden units reads the sequence [1, 2, 3] and should answer [2, 3, 4]. We compute every gate, candidate state and hidden state at timesteps 1, 2 and 3, add up the loss, send the gradient back step by step with backpropagation through time (BPTT), take one parameter update, train until the loss settles, and finally try the trained model on [4, 5, 6]."
  },
  "notes": {
    "model": {
      "zh": "参数来源：Wz = 0.3、bz = 0.1、by = 0.1 和 h0 = [0, 0] 是课程原文给出的；其余的值（Uz、Wr、Ur、br、Wh、Uh、bh、Why）是我们选定的，用来复现原文保留下来的数字 z₁ = 0.5987、r₁ = 0.6106、h̃₁ = 0.4621、h₁ = 0.1855、h₂ = 0.3903。原文把每个门当成一个标量再复制到两个隐藏单元上；这里每个权重矩阵的各行都相同，标准 GRU 算出来的数字和它完全一样。",
      "en": "Where the numbers come from: Wz = 0.3, bz = 0.1, by = 0.1 and h0 = [0, 0] are given in the course text. The remaining values (Uz, Wr, Ur, br, Wh, Uh, bh, Why) were chosen by us so that the numbers that survive in the text come out again: z₁ = 0.5987, r₁ = 0.6106, h̃₁ = 0.4621, h₁ = 0.1855, h₂ = 0.3903. The text treats each gate as one scalar copied to both hidden units; giving every weight matrix identical rows makes a standard GRU compute exactly those numbers."
    },
    "forward": {
      "zh": "前向传播从 h0 = [0, 0] 出发。时间步 1 时上一隐藏状态全是 0，所以 U 矩阵那一项都消失了，重置门此时也起不了作用。从时间步 2 开始，上一步的隐藏状态才真正参与计算。注意两个隐藏单元的数值始终一样，因为它们的权重行完全相同。",
      "en": "The forward pass starts from h0 = [0, 0]. At timestep 1 the previous state is all zeros, so every U term vanishes and the reset gate has nothing to act on yet. From timestep 2 on, the previous hidden state really takes part. Notice that the two hidden units always hold the same value: their weight rows are identical."
    },
    "loss": {
      "zh": "每个时间步的损失是 ½(y_t − 目标)²，整个序列的损失是三个时间步相加。刚开始预测值远小于目标，所以损失很大。",
      "en": "Each timestep contributes ½(y_t − target)², and the sequence loss is the sum over the three timesteps. At the start the predictions are far below the targets, so the loss is large."
    },
    "bptt": {
      "zh": "反向传播从最后一个时间步开始。时间步 3 只有来自输出的梯度；时间步 2 和 1 还要加上从后一个时间步传回来的那部分 ∂L/∂h。这就是“通过时间”的含义：早期的隐藏状态也要为后面的误差负责。",
      "en": "Backpropagation starts at the last timestep. Timestep 3 only receives the gradient from its own output; timesteps 2 and 1 also receive the part of ∂L/∂h that flows back from the step after them. That is what \"through time\" means: an early hidden state shares the blame for later errors."
    },
    "accumulation": {
      "zh": "所有时间步共用同一套参数，所以每个参数的梯度是各个时间步贡献之和。",
      "en": "All timesteps share one set of parameters, so each parameter's gradient is the sum of what every timestep contributes."
    },
    "update": {
      "zh": "用梯度下降更新一次：新值 = 旧值 − 学习率 × 梯度。学习率取 0.05。",
      "en": "One step of gradient descent: new value = old value − learning rate × gradient. The learning rate is 0.05."
    },
    "training": {
      "zh": "把“前向传播、BPTT、更新”重复 500 轮，学习率 0.05。损失单调下降，最后几乎为 0，模型在训练序列上几乎完全答对。",
      "en": "Repeat forward pass, BPTT and update for 500 epochs at learning rate 0.05. The loss falls every epoch and ends close to zero: on the training sequence the model is almost exactly right."
    },
    "apply": {
      "zh": "把训练好的模型用在 [4, 5, 6] 上，它并不会输出 [5, 6, 7]。原因是隐藏状态经过 tanh，每个分量都被限制在 −1 到 1 之间，输出 y = Why·h + by 因此有上限；模型只见过 1 到 3 的输入，它记住的是这一段的映射，并没有学到“加 1”这条规则。要让模型在 [4, 5, 6] 上答对，训练数据就得覆盖它要输出的数值范围；lesson3 会演示这一点。",
      "en": "Applied to [4, 5, 6], the trained model does not answer [5, 6, 7]. Each component of the hidden state passes through tanh and stays between −1 and 1, so the output y = Why·h + by has a ceiling. The model has only seen inputs from 1 to 3: it has fitted that stretch, not learned the rule \"add 1\". To answer [4, 5, 6] correctly, the training data has to cover the range of values the model must produce; lesson3 shows how."
    }
  },
  "model": {
    "input_size": 1,
    "hidden_size": 2,
    "output_size": 1,
    "update": "z_times_previous",
    "reset": "before_matmul",
    "loss": "half_squared",
    "reduction": "sum"
  },
  "parameters": {
    "Wz": [[0.3], [0.3]],
    "Uz": [[0.05, 0.05], [0.05, 0.05]],
    "bz": [0.1, 0.1],
    "Wr": [[0.25], [0.25]],
    "Ur": [[0.3, 0.3], [0.3, 0.3]],
    "br": [0.2, 0.2],
    "Wh": [[0.5], [0.5]],
    "Uh": [[0.5, 0.5], [0.5, 0.5]],
    "bh": [0, 0],
    "Why": [[0.5, 0.5]],
    "by": [0.1]
  },
  "h0": [0, 0],
  "sequences": [
    {"inputs": [1, 2, 3], "targets": [2, 3, 4]}
  ],
  "training": {"learning_rate": 0.05, "epochs": 500},
  "apply": {"inputs": [4, 5, 6], "expected": [5, 6, 7]}
}

"""#),
    ]
}
