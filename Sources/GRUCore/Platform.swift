// The C library (exp, tanh, log10, the terminal calls, exit), imported once for every module:
// each module that imports GRUCore sees it too, so no file repeats the per-platform choice.
#if canImport(Glibc)
@_exported import Glibc
#elseif canImport(Darwin)
@_exported import Darwin
#elseif canImport(Musl)
@_exported import Musl
#endif
