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
    "zh": "一个隐藏维度为 2 的 GRU 读入序列 [1, 2, 3]，目标是 [2, 3, 4]。我们依次算出时间步 1、2、3 的每个门、候选隐藏状态和隐藏状态，求出损失，再用随时间反向传播（BPTT）把梯度一步步传回去，做一次参数更新，然后训练到收敛，最后把训练好的模型用在 [4, 5, 6] 上。",
    "en": "A GRU with two hidden units reads the sequence [1, 2, 3] and should answer [2, 3, 4]. We compute every gate, candidate state and hidden state at timesteps 1, 2 and 3, add up the loss, send the gradient back step by step with backpropagation through time (BPTT), take one parameter update, train until the loss settles, and finally try the trained model on [4, 5, 6]."
  },
  "notes": {
    "model": {
      "zh": "Wz = 0.3、bz = 0.1、by = 0.1 和 h₀ = [0, 0] 取自课程原文；其余的值（Uz、Wr、Ur、br、Wh、Uh、bh、Why）是我们选的，为的是让原文里留下的数字重新算出来：z₁ = 0.5987、r₁ = 0.6106、h̃₁ = 0.4621、h₁ = 0.1855、h₂ = 0.3903。原文把每个门当作一个标量，再复制到两个隐藏单元上；这里让每个权重矩阵的各行都相同，标准 GRU 算出来的数字就和原文完全一样。",
      "en": "Wz = 0.3, bz = 0.1, by = 0.1 and h₀ = [0, 0] are given in the course text. We chose the remaining values (Uz, Wr, Ur, br, Wh, Uh, bh, Why) so that the numbers that survive in the text come out again: z₁ = 0.5987, r₁ = 0.6106, h̃₁ = 0.4621, h₁ = 0.1855, h₂ = 0.3903. The text treats each gate as one scalar copied to both hidden units; giving every weight matrix identical rows makes a standard GRU compute exactly those numbers."
    },
    "forward": {
      "zh": "前向传播从 h₀ = [0, 0] 出发。时间步 1 时上一隐藏状态全是 0，所以 U 矩阵那一项都消失了，重置门此时也起不了作用。从时间步 2 开始，上一步的隐藏状态才真正参与计算。注意两个隐藏单元的数值始终一样，因为它们的权重行完全相同。",
      "en": "The forward pass starts from h₀ = [0, 0]. At timestep 1 the previous state is all zeros, so every U term vanishes and the reset gate has nothing to act on yet. From timestep 2 on, the previous hidden state really takes part. Notice that the two hidden units always hold the same value: their weight rows are identical."
    },
    "loss": {
      "zh": "每个时间步的损失是 ½(yₜ − 目标)²，整个序列的损失是三个时间步相加。刚开始预测值远小于目标，所以损失很大。",
      "en": "Each timestep contributes ½(yₜ − target)², and the sequence loss is the sum over the three timesteps. At the start the predictions are far below the targets, so the loss is large."
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
      "zh": "用梯度下降更新一次，让每个参数逆着梯度的方向走一小步：新值 = 旧值 − 学习率 × 梯度，这里学习率取 0.05。",
      "en": "One step of gradient descent moves every parameter a little against its gradient: new value = old value − learning rate × gradient, with a learning rate of 0.05."
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
        ("lesson2", #"""
{
  "format": "gru-explain.lesson/1",
  "id": "lesson2",
  "title": {
    "zh": "标准 GRU：两个隐藏单元各不相同（PyTorch 的约定）",
    "en": "A standard GRU: two hidden units that differ (PyTorch's conventions)"
  },
  "description": {
    "zh": "还是“加 1”这个任务：输入 [1, 2, 3]，目标 [2, 3, 4]，隐藏维度为 2。这一次每个隐藏单元都有自己的权重，公式也换成 PyTorch 的写法：重置门作用在矩阵乘法之后。所有数字都和 PyTorch（float64 的 nn.GRU 加自动求导）算出的完全一致。",
    "en": "The same \"add 1\" task: input [1, 2, 3], targets [2, 3, 4], two hidden units. This time each hidden unit has weights of its own, and the formulas are PyTorch's: the reset gate acts after the matrix product. Every number agrees with what PyTorch (a float64 nn.GRU with autograd) computes."
  },
  "notes": {
    "model": {
      "zh": "和第 1 课相比有两处不同。第一，权重矩阵的各行不再相同：第 1 个隐藏单元用每个矩阵的第 1 行，第 2 个隐藏单元用第 2 行，两者各算各的。第二，重置门的位置换成 PyTorch、cuDNN 和 Keras 默认的写法（after_matmul）：先算 n_h = Uh·hₜ₋₁ + bhn，再用 r 去乘它，a_h = Wh·x + bh + r⊙n_h；因此多了一个偏置 bhn。更新规则没变，仍是 hₜ = z⊙hₜ₋₁ + (1−z)⊙h̃_t。这些参数就是引擎测试里和 PyTorch 对照用的那一组。",
      "en": "Two things differ from lesson1. First, the rows of each weight matrix are no longer equal: hidden unit 1 uses row 1 of every matrix and hidden unit 2 uses row 2, so each unit computes something of its own. Second, the reset gate sits where PyTorch, cuDNN and Keras put it by default (after_matmul): first n_h = Uh·hₜ₋₁ + bhn, then r multiplies it, a_h = Wh·x + bh + r⊙n_h, which brings one more bias, bhn. The update rule is unchanged: hₜ = z⊙hₜ₋₁ + (1−z)⊙h̃_t. These parameters are the set the engine's tests check against PyTorch."
    },
    "forward": {
      "zh": "第 1 个隐藏单元的第 1 行 Wz、bz、Wr、br 和第 1 课相同，所以时间步 1 的 z = 0.5987、r = 0.6106 也和第 1 课一样；但候选隐藏状态变成 0.4858 而不是 0.4621。原因是 after_matmul 下即使 h₀ = 0，n_h 也等于 bhn = 0.05，重置门在第一步就起作用：a_h = 0.5 + 0.6106 × 0.05 = 0.5305。第 2 个隐藏单元的候选输入权重是负的（Wh = −0.4），它的隐藏状态一路变负，到时间步 3 时 h₃ = [0.5697, −0.7588]。输出 y = [0.2904, 0.5404, 0.7453]，与 PyTorch 给出的数字一致。",
      "en": "Row 1 of Wz, bz, Wr and br is lesson1's, so hidden unit 1 starts with lesson1's gates at timestep 1: z = 0.5987, r = 0.6106. Its candidate state, however, is 0.4858 instead of 0.4621. Under after_matmul, n_h equals bhn = 0.05 even though h₀ = 0, so the reset gate already acts at the first step: a_h = 0.5 + 0.6106 × 0.05 = 0.5305. Hidden unit 2 has a negative input weight in its candidate (Wh = −0.4), and its state goes negative; at timestep 3, h₃ = [0.5697, −0.7588]. The outputs y = [0.2904, 0.5404, 0.7453] are the numbers PyTorch prints."
    },
    "loss": {
      "zh": "损失仍是三个时间步的 ½(yₜ − 目标)² 之和：L = 1.4614 + 3.0248 + 5.2965 = 9.7827，PyTorch 给出的是 9.782658710274607。",
      "en": "The loss is again the sum of ½(yₜ − target)² over the three timesteps: L = 1.4614 + 3.0248 + 5.2965 = 9.7827. PyTorch gives 9.782658710274607."
    },
    "bptt": {
      "zh": "反向传播的步骤和第 1 课一样，只是 after_matmul 下 ∂L/∂r = ∂L/∂a_h ⊙ n_h，∂L/∂n_h = ∂L/∂a_h ⊙ r，梯度再经过 Uh 传回 hₜ₋₁。现在两个隐藏单元得到的梯度不同：∂L/∂Wz = [1.7983, 0.7840]，∂L/∂bhn = [−0.8190, 1.1902]，∂L/∂Why = [−3.1903, 3.9872]，∂L/∂by = −7.4239，都和 PyTorch 的自动求导一致。",
      "en": "BPTT follows the same steps as in lesson1, except that under after_matmul ∂L/∂r = ∂L/∂a_h ⊙ n_h and ∂L/∂n_h = ∂L/∂a_h ⊙ r, and the gradient reaches hₜ₋₁ through Uh. The two hidden units now receive different gradients: ∂L/∂Wz = [1.7983, 0.7840], ∂L/∂bhn = [−0.8190, 1.1902], ∂L/∂Why = [−3.1903, 3.9872], ∂L/∂by = −7.4239, all as PyTorch's autograd computes them."
    },
    "accumulation": {
      "zh": "和第 1 课一样，每个参数的梯度是三个时间步的贡献之和。不同的是，现在同一个矩阵的两行收到的贡献不一样。",
      "en": "As in lesson1, each parameter's gradient is the sum of the three timesteps' contributions. What is new is that the two rows of a matrix now receive different contributions."
    },
    "update": {
      "zh": "学习率 0.05，与第 1 课相同。例如 Why 从 [0.6, −0.4] 变成 [0.6, −0.4] − 0.05 × [−3.1903, 3.9872] = [0.7595, −0.5994]：两个分量朝相反的方向移动，而第 1 课里它们每一步都一起移动。为什么第 1 课的两个隐藏单元永远一样？在第 1 课里，两个单元的权重行完全相同，U 和 Why 的每个元素也都相同，把两个单元对调，模型一点都不变。于是前向传播时两者的值相同；反向传播时它们得到的 ∂L/∂h 相同，各行的梯度也就相同；梯度下降给两行减去同样的量，更新之后它们依旧相同。这样一轮接一轮，对称永远不会被打破：不管训练多久，两个单元都只是同一个单元的两份拷贝，隐藏层实际上只有一个单元。",
      "en": "The learning rate is 0.05, as in lesson1. The output weights Why, for example, go from [0.6, −0.4] to [0.6, −0.4] − 0.05 × [−3.1903, 3.9872] = [0.7595, −0.5994]: its two entries move in opposite directions, whereas in lesson1 they moved together at every step. Why do lesson1's two hidden units stay identical forever? In lesson1 both units have the same weight rows, and every entry of U and Why is the same, so swapping the two units changes nothing. In the forward pass they therefore hold the same values; in BPTT they receive the same ∂L/∂h, so their rows get equal gradients; gradient descent subtracts the same amount from each row, and after the update the rows are still equal. Epoch after epoch the symmetry is never broken: however long it trains, the model has two copies of one unit, and its hidden layer is really a single unit."
    },
    "training": {
      "zh": "训练 500 轮，学习率 0.05，和第 1 课一样。损失每一轮都在下降，从 9.7827 降到约 0.00006。训练后两行参数依然不同；而第 1 课训练 500 轮之后，Why 仍是两个相同的数 [1.6482, 1.6482]。这就是实际的神经网络要从随机权重开始训练的原因：只有起点不对称，各个隐藏单元才会学到不同的东西（PyTorch 的 nn.GRU 默认从 [−1/√H, 1/√H] 中均匀随机取初值）。第 3 课就用带种子的随机初始化。",
      "en": "Training runs for 500 epochs at learning rate 0.05, as in lesson1. The loss falls at every epoch, from 9.7827 to about 0.00006. After training the two rows still differ, whereas after lesson1's 500 epochs Why is still two equal numbers, [1.6482, 1.6482]. This is why real networks start from random weights: only an asymmetric start lets the hidden units learn different things (PyTorch's nn.GRU draws its initial weights uniformly from [−1/√H, 1/√H]). Lesson3 uses a seeded random initialisation."
    },
    "apply": {
      "zh": "用在 [4, 5, 6] 上，模型输出约为 [3.68, 4.57, 4.78]，和第 1 课的 [3.66, 4.54, 4.76] 差不多，仍然到不了 [5, 6, 7]。两个不同的隐藏单元并不能解决外推问题：隐藏状态的每个分量都在 −1 和 1 之间，训练后输出最多约为 |by| + |Why₁| + |Why₂| ≈ 1.47 + 1.70 + 1.66 = 4.83，而训练数据只覆盖了 1 到 3。第 3 课会说明怎样让 [4, 5, 6] → [5, 6, 7] 真正成立。",
      "en": "On [4, 5, 6] the model answers about [3.68, 4.57, 4.78], close to lesson1's [3.66, 4.54, 4.76] and still short of [5, 6, 7]. Two different hidden units do not fix extrapolation: each component of the hidden state stays between −1 and 1, so after training the output can reach at most about |by| + |Why₁| + |Why₂| ≈ 1.47 + 1.70 + 1.66 = 4.83, and the training data only covered 1 to 3. Lesson3 shows how to make [4, 5, 6] → [5, 6, 7] come true."
    }
  },
  "model": {
    "input_size": 1,
    "hidden_size": 2,
    "output_size": 1,
    "update": "z_times_previous",
    "reset": "after_matmul",
    "loss": "half_squared",
    "reduction": "sum"
  },
  "parameters": {
    "Wz": [[0.3], [-0.2]],
    "Uz": [[0.1, 0.4], [-0.3, 0.2]],
    "bz": [0.1, -0.1],
    "Wr": [[0.25], [0.5]],
    "Ur": [[0.2, -0.1], [0.3, 0.1]],
    "br": [0.2, 0.0],
    "Wh": [[0.5], [-0.4]],
    "Uh": [[0.5, -0.3], [0.2, 0.6]],
    "bh": [0.0, 0.1],
    "bhn": [0.05, -0.05],
    "Why": [[0.6, -0.4]],
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
        ("lesson3", #"""
{
  "format": "gru-explain.lesson/1",
  "id": "lesson3",
  "title": {
    "zh": "让 [4, 5, 6] → [5, 6, 7] 真的成立：覆盖范围的训练数据",
    "en": "Making [4, 5, 6] → [5, 6, 7] come true: training data that covers the range"
  },
  "description": {
    "zh": "和第 1、2 课相比改了四处。① 隐藏单元从 2 个增加到 4 个。② 参数不再逐个写出，而是由种子为 7 的 SplitMix64 随机数生成器取出，每个值落在 [−0.5, 0.5) 内；起点不对称，各单元才能学到不同的东西（见第 2 课），种子固定则保证任何机器上数字都一样。③ 输入先缩小到十分之一：0 到 9 乘以 0.1 变成 0 到 0.9 再送进模型。σ 和 tanh 只在 0 附近变化明显，输入太大时门会一直贴近 0 或 1，几乎学不动。目标值不缩放。④ 总损失取 7 个序列损失的平均值，而不是总和，所以学习率不必随序列个数调整。公式仍用 PyTorch 的约定：重置门作用在矩阵乘积之后，更新门 z 乘上一隐藏状态。",
    "en": "Four things change from lessons 1 and 2. (1) There are 4 hidden units instead of 2. (2) The parameters are not written out: each is drawn from a SplitMix64 random generator with seed 7, in [−0.5, 0.5). The asymmetric start lets the units learn different things (see lesson2), and the fixed seed gives the same numbers on every machine. (3) The inputs are scaled down by a factor of 10: 0 to 9 become 0 to 0.9 before they enter the model. σ and tanh change noticeably only near 0; with large inputs the gates stay pinned near 0 or 1 and hardly learn. The targets are not scaled. (4) The loss is the average of the 7 sequence losses rather than their sum, so the learning rate need not change with the number of sequences. The formulas follow PyTorch's conventions: the reset gate acts after the matrix product, and z multiplies the previous hidden state."
  },
  "notes": {
    "model": {
      "zh": "和第 1、2 课相比改了四处。① 隐藏单元从 2 个增加到 4 个。② 参数不再逐个写出，而是用 \"init\": {\"seed\": 7, \"scale\": 0.5} 从固定种子的 SplitMix64 随机数中取，每个值落在 [−0.5, 0.5) 内；起点不对称，各单元才能学到不同的东西（见第 2 课），种子固定则保证任何机器上数字都一样。③ \"input_scale\": 0.1：输入 0 到 9 先乘以 0.1 再送进模型，变成 0 到 0.9。σ 和 tanh 只在 0 附近变化明显，输入太大时门会一直贴近 0 或 1，几乎学不动。目标值不缩放。④ \"sequence_reduction\": \"mean\"：总损失是 7 个序列损失的平均值，所以学习率不必随序列个数调整。公式仍用 PyTorch 的约定（after_matmul、z_times_previous）。",
      "en": "Four things change from lessons 1 and 2. (1) There are 4 hidden units instead of 2. (2) The parameters are not written out: \"init\": {\"seed\": 7, \"scale\": 0.5} draws each of them from a seeded SplitMix64 generator, in [−0.5, 0.5). The asymmetric start lets the units learn different things (see lesson2), and the fixed seed gives the same numbers on every machine. (3) \"input_scale\": 0.1: the inputs 0 to 9 are multiplied by 0.1 before they enter the model, so it sees 0 to 0.9. σ and tanh change noticeably only near 0; with large inputs the gates stay pinned near 0 or 1 and hardly learn. The targets are not scaled. (4) \"sequence_reduction\": \"mean\": the loss is the average of the 7 sequence losses, so the learning rate need not change with the number of sequences. The formulas are PyTorch's (after_matmul, z_times_previous)."
    },
    "forward": {
      "zh": "每个序列都从 h₀ = 0 出发，用同一套参数各自做一遍前向传播。注意 x 已经是缩放后的值：输入 4 显示为 x = 0.4。刚开始时参数是随机的小数，所有预测都在 0 附近。",
      "en": "Each sequence starts from h₀ = 0 and runs its own forward pass with the same parameters. Note that x is already scaled: the input 4 appears as x = 0.4. With small random starting parameters every prediction is close to 0."
    },
    "loss": {
      "zh": "每个序列的损失是 3 个时间步的 ½(yₜ − 目标)² 之和，总损失 L 是 7 个序列损失的平均值。刚开始 L 约为 55.66：预测接近 0，而目标在 1 到 10 之间。",
      "en": "Each sequence's loss is the sum of ½(yₜ − target)² over its 3 timesteps, and L is the average of the 7 sequence losses. At the start L is about 55.66: the predictions are near 0 while the targets lie between 1 and 10."
    },
    "bptt": {
      "zh": "BPTT 对每个序列分别进行，步骤和第 2 课完全一样。因为取平均，每个序列的 ∂L/∂yₜ 都多乘了一个 1/7。",
      "en": "BPTT runs for each sequence separately, in exactly the steps of lesson2. Because of the average, each sequence's ∂L/∂yₜ carries an extra factor 1/7."
    },
    "accumulation": {
      "zh": "每个参数的梯度先在一个序列内对时间步求和，再把 7 个序列的结果相加（每个已经乘过 1/7），也就是对序列取平均。",
      "en": "Each parameter's gradient is summed over the timesteps of a sequence, and the 7 sequences' results are added up (each already carries the factor 1/7): an average over the sequences."
    },
    "update": {
      "zh": "学习率 0.02：θ ← θ − 0.02 × ∂L/∂θ。每一轮只更新一次，用的是 7 个序列的平均梯度。",
      "en": "The learning rate is 0.02: θ ← θ − 0.02 × ∂L/∂θ. There is one update per epoch, with the gradient averaged over the 7 sequences."
    },
    "training": {
      "zh": "训练 6000 轮，学习率 0.02。损失每一轮都在下降：第 1 轮更新前约为 55.66，第 100 轮约为 0.72，第 6000 轮约为 0.0013（都是该轮更新前的损失，和表中的数一致）。",
      "en": "Training runs for 6000 epochs at learning rate 0.02. The loss falls at every epoch: about 55.66 at epoch 1, 0.72 at epoch 100 and 0.0013 at epoch 6000 (each measured before that epoch's update, as in the table)."
    },
    "apply": {
      "zh": "对 [4, 5, 6]（送进模型的是 0.4、0.5、0.6），模型输出约为 [5.010, 5.994, 7.016]，和 [5, 6, 7] 最多差 0.016；第 1 课的模型给出的是 [3.66, 4.54, 4.76]。区别在训练数据：第 1 课只见过 1 到 4 之间的数，这一课的输入覆盖 0 到 9、目标覆盖 1 到 10，[4, 5, 6] 落在这个范围之内。训练时故意去掉了 s = 4 这个窗口，所以模型并不是背下了答案，而是在见过的数之间做出了正确的推断。它也有限度：隐藏状态仍在 −1 和 1 之间，训练后输出的上限约为 |by| + Σ|Why| ≈ 13.9，对 [20, 21, 22] 它只能给出约 [12.4, 13.4, 13.7]。GRU 能在训练数据覆盖的范围内学好“加 1”，却不能把它推广到远处。",
      "en": "For [4, 5, 6] (the model receives 0.4, 0.5 and 0.6) it answers about [5.010, 5.994, 7.016], at most 0.016 from [5, 6, 7]; lesson1's model gives [3.66, 4.54, 4.76]. The difference is the training data: lesson1 only ever saw numbers from 1 to 4, while here the inputs cover 0 to 9 and the targets 1 to 10, and [4, 5, 6] lies inside that range. The window s = 4 was left out of training, so the model has not memorised the answer: it infers it correctly between numbers it has seen. There is a limit: the hidden state still stays between −1 and 1, the trained output's ceiling is about |by| + Σ|Why| ≈ 13.9, and for [20, 21, 22] the model can only answer about [12.4, 13.4, 13.7]. A GRU can learn \"add 1\" within the range its training data covers, but it does not carry it far beyond."
    }
  },
  "model": {
    "input_size": 1,
    "hidden_size": 4,
    "output_size": 1,
    "update": "z_times_previous",
    "reset": "after_matmul",
    "loss": "half_squared",
    "reduction": "sum",
    "sequence_reduction": "mean"
  },
  "init": {"seed": 7, "scale": 0.5},
  "h0": [0, 0, 0, 0],
  "input_scale": 0.1,
  "sequences": [
    {"inputs": [0, 1, 2], "targets": [1, 2, 3]},
    {"inputs": [1, 2, 3], "targets": [2, 3, 4]},
    {"inputs": [2, 3, 4], "targets": [3, 4, 5]},
    {"inputs": [3, 4, 5], "targets": [4, 5, 6]},
    {"inputs": [5, 6, 7], "targets": [6, 7, 8]},
    {"inputs": [6, 7, 8], "targets": [7, 8, 9]},
    {"inputs": [7, 8, 9], "targets": [8, 9, 10]}
  ],
  "training": {"learning_rate": 0.02, "epochs": 6000},
  "apply": {"inputs": [4, 5, 6], "expected": [5, 6, 7]}
}

"""#),
    ]
}
