#pragma once

#include "app/interchange/an2k_record.h"

#include <cstddef>
#include <string>
#include <vector>

namespace umbral::interchange {

/// A field as a person reads it.
struct InspectedField {
    std::string tag;      ///< "14.013"
    std::string mnemonic; ///< "FGP", or "" for fields we have no name for
    std::string name;     ///< "Finger position"
    /// Text with items joined by "^" and subfields by " | " (non-printable bytes as \xNN);
    /// for binary data a summary such as "<60152 bytes, WSQ20 1600 x 976>".
    std::string value;
    bool binary = false;
    std::size_t bytes = 0; ///< size of the stored value
};

struct InspectedRecord {
    std::size_t index = 0; ///< from 1, in file order
    int type = 0;
    std::string typeName; ///< "Variable-resolution fingerprint image"
    std::vector<InspectedField> fields;
    bool hasImage = false; ///< decodeRecordImage() applies
};

/// Every record and field of `transaction`, named and rendered for display (umbralctl inspect).
std::vector<InspectedRecord> inspectTransaction(const Transaction& transaction);

/// The listing as plain text, one line per field:
/// "Record 3: Type-14 Variable-resolution fingerprint image" then "  14.013 FGP  Finger position:
/// 13".
std::string formatInspection(const std::vector<InspectedRecord>& records);

} // namespace umbral::interchange
