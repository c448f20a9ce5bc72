import Allocation
import ArgumentParser
import Foundation
import GLPK

struct GAPResult: Codable {
    var file: String
    var instance: Int
    var sense: String
    var agents: Int
    var jobs: Int
    var status: String
    var objective: Double?
    var bestBound: Double?
    var gap: Double?
    var seconds: Double
    /// The time limit GLPK was given: the configuration's, or --time-limit.
    var timeLimitSeconds: Double
    var nodes: Int
    var expected: Double?
    var matches: Bool?
}
