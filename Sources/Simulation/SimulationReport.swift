import Foundation
public enum SimulationReport {
    public static func html(_ c: Comparison) -> String { "<html lang=\"nl\"></html>" }
}
