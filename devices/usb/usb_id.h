#pragma once

#include <cstdint>
#include <string_view>

namespace umbral::devices {

/// One USB device a driver serves: a row of the driver's id table (libfprint's FpIdEntry).
struct UsbId {
    std::uint16_t vendorId;
    std::uint16_t productId;
    std::string_view model; ///< shown to officers, e.g. "NEXT Biometrics NB-1010-U"
};

} // namespace umbral::devices
