import GRUExplainCLI

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

exit(GRUExplain.main(Array(CommandLine.arguments.dropFirst()), context: .process()))
