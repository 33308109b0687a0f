import GRUCore
import GRUExplainCLI

exit(GRUExplain.main(Array(CommandLine.arguments.dropFirst()), context: .process()))
