import CGLPK

/// Whether GLPK may solve on several threads at once in this build.
///
/// GLPK's manual (2.1.3) calls the standard API not thread-safe: the library keeps its environment (the
/// terminal hook, memory accounting, error state) in one global. Since 4.57 `src/env/tls.c` stores it
/// in thread-local storage when the library is built with a TLS class specifier, and `glp_config("TLS")`
/// names that specifier (NULL without one). Debian's libglpk40 5.0 is built with it (`_Thread_local`: the
/// shared object has a .tbss section and imports `__tls_get_addr`), so each thread has its own
/// environment and separate problem objects may be solved concurrently. `instroom` never shares a
/// `glp_prob` between threads (`GLPKSolver` creates and frees one per solve).
public enum GLPKThreads {
    /// The TLS class specifier GLPK was built with ("_Thread_local" in Debian's build); nil when it has none.
    public static var specifier: String? { glp_config("TLS").map { String(cString: $0) } }

    /// True when concurrent solves on separate problem objects are safe.
    public static var safe: Bool { specifier != nil }
}
