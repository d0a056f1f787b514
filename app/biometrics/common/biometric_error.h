#pragma once

#include <stdexcept>
#include <string>

namespace umbral::biometrics {

/// Why an image or template was refused. The message says it in words a technician can act on.
enum class BiometricErrorCode {
    UnreadableFile,    ///< missing, truncated or not an image format we read
    EmptyImage,        ///< zero pixels
    NotGrey,           ///< colour input where 8-bit grey is required
    UnsupportedDepth,  ///< 16-bit or floating point where 8-bit is required
    TooSmall,          ///< below the algorithm's minimum size
    TooLarge,          ///< above the algorithm's maximum size
    BadResolution,     ///< ppi missing, zero or absurd
    NoSignal,          ///< uniform, dark or saturated: nothing to measure
    MalformedTemplate, ///< a template or record that does not parse
    Internal           ///< an OpenCV error caught at the boundary
};

/// The one exception type of app/biometrics. OpenCV exceptions are wrapped into it at the
/// public boundary so callers handle a single type.
class BiometricError : public std::runtime_error {
public:
    BiometricError(BiometricErrorCode code, const std::string& message)
        : std::runtime_error(message), code_(code) {}
    BiometricErrorCode code() const noexcept { return code_; }

private:
    BiometricErrorCode code_;
};

} // namespace umbral::biometrics
