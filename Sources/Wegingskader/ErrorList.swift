import Foundation
import InstroomDomain

/// Errors gathered while reading, so a person fixing a file sees all of them at once.
struct ErrorList {
    var errors: [InputError] = []

    @discardableResult
    mutating func collect<T>(_ read: () throws -> T) -> T? {
        do { return try read() } catch let error as InputError {
            errors.append(error)
        } catch let many as InputErrors {
            errors += many.errors
        } catch {
            errors.append(InputError(file: "?", "\(error)"))
        }
        return nil
    }
}
