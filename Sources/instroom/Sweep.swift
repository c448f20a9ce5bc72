import ArgumentParser
struct Sweep: ParsableCommand {
    func run() throws {}
}
