import CGLPK
import Foundation

public enum ModelFileFormat: String, Sendable, CaseIterable { case lp, mps }
