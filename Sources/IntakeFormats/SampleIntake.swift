import Foundation

/// The bundled sample day (60 cases, illustrative): what `instroom allocate` reads without `--intake`.
public enum SampleIntake {
    public static var url: URL { Bundle.module.url(forResource: "Resources/sample-intake", withExtension: "csv")! }
}
