#include "app/interchange/an2k_fields.h"

#include <algorithm>
#include <array>

namespace umbral::interchange {

namespace {

// ANSI/NIST-ITL 1-2011 field tables (Types 3-8 as numbered in its binary record tables), the
// EBTS names of the Type-2 fields NIST's samples use, and the Umbral Type-2 profile.
// clang-format off
constexpr FieldDefinition kFields[] = {
    {1, 1, "LEN", "Record length"}, {1, 2, "VER", "Version number"}, {1, 3, "CNT", "File content"},
    {1, 4, "TOT", "Type of transaction"}, {1, 5, "DAT", "Date"}, {1, 6, "PRY", "Priority"},
    {1, 7, "DAI", "Destination agency identifier"}, {1, 8, "ORI", "Originating agency identifier"},
    {1, 9, "TCN", "Transaction control number"}, {1, 10, "TCR", "Transaction control reference"},
    {1, 11, "NSR", "Native scanning resolution"}, {1, 12, "NTR", "Nominal transmitting resolution"},
    {1, 13, "DOM", "Domain name"}, {1, 14, "GMT", "Greenwich mean time"},
    {1, 15, "DCS", "Directory of character sets"}, {1, 16, "APS", "Application profile specifications"},
    {1, 17, "ANM", "Agency names"}, {1, 18, "GNS", "Geographic name set"},

    {2, 1, "LEN", "Record length"}, {2, 2, "IDC", "Information designation character"},
    {2, 5, "RET", "Retention code"}, {2, 9, "OCA", "Originating agency case number"},
    {2, 15, "SID", "State identification number"}, {2, 18, "NAM", "Name"},
    {2, 20, "POB", "Place of birth"}, {2, 21, "CTZ", "Country of citizenship"},
    {2, 22, "DOB", "Date of birth"}, {2, 24, "SEX", "Sex"}, {2, 25, "RAC", "Race"},
    {2, 27, "HGT", "Height"}, {2, 29, "WGT", "Weight"}, {2, 31, "EYE", "Color of eyes"},
    {2, 32, "HAI", "Hair color"}, {2, 37, "RFP", "Reason fingerprinted"},
    {2, 38, "DPR", "Date printed"}, {2, 41, "RES", "Residence of person fingerprinted"},
    {2, 45, "DOA", "Date of arrest"}, {2, 47, "ASL", "Arrest segment literal"},
    {2, 73, "CRI", "Controlling agency identifier"},
    {2, 300, "TDT", "Travel document type (Umbral)"}, {2, 301, "TDN", "Travel document number (Umbral)"},
    {2, 302, "TDI", "Travel document issuing state (Umbral)"},
    {2, 303, "TDE", "Travel document expiry date (Umbral)"},

    {3, 1, "LEN", "Record length"}, {3, 2, "IDC", "Information designation character"},
    {3, 3, "IMP", "Impression type"}, {3, 4, "FGP", "Finger position"},
    {3, 5, "ISR", "Image scanning resolution"}, {3, 6, "HLL", "Horizontal line length"},
    {3, 7, "VLL", "Vertical line length"}, {3, 8, "GCA", "Grayscale compression algorithm"},
    {3, 9, "DATA", "Image data"},
    {4, 1, "LEN", "Record length"}, {4, 2, "IDC", "Information designation character"},
    {4, 3, "IMP", "Impression type"}, {4, 4, "FGP", "Finger position"},
    {4, 5, "ISR", "Image scanning resolution"}, {4, 6, "HLL", "Horizontal line length"},
    {4, 7, "VLL", "Vertical line length"}, {4, 8, "GCA", "Grayscale compression algorithm"},
    {4, 9, "DATA", "Image data"},
    {5, 1, "LEN", "Record length"}, {5, 2, "IDC", "Information designation character"},
    {5, 3, "IMP", "Impression type"}, {5, 4, "FGP", "Finger position"},
    {5, 5, "ISR", "Image scanning resolution"}, {5, 6, "HLL", "Horizontal line length"},
    {5, 7, "VLL", "Vertical line length"}, {5, 8, "BCA", "Binary compression algorithm"},
    {5, 9, "DATA", "Image data"},
    {6, 1, "LEN", "Record length"}, {6, 2, "IDC", "Information designation character"},
    {6, 3, "IMP", "Impression type"}, {6, 4, "FGP", "Finger position"},
    {6, 5, "ISR", "Image scanning resolution"}, {6, 6, "HLL", "Horizontal line length"},
    {6, 7, "VLL", "Vertical line length"}, {6, 8, "BCA", "Binary compression algorithm"},
    {6, 9, "DATA", "Image data"},
    {7, 1, "LEN", "Record length"}, {7, 2, "IDC", "Information designation character"},
    {7, 3, "DATA", "User-defined image data"},
    {8, 1, "LEN", "Record length"}, {8, 2, "IDC", "Information designation character"},
    {8, 3, "SIG", "Signature type"}, {8, 4, "SRT", "Signature representation type"},
    {8, 5, "ISR", "Image scanning resolution"}, {8, 6, "HLL", "Horizontal line length"},
    {8, 7, "VLL", "Vertical line length"}, {8, 8, "DATA", "Signature image data"},

    {9, 1, "LEN", "Record length"}, {9, 2, "IDC", "Information designation character"},
    {9, 3, "IMP", "Impression type"}, {9, 4, "FMT", "Minutiae format"},

    {10, 1, "LEN", "Record length"}, {10, 2, "IDC", "Information designation character"},
    {10, 3, "IMT", "Image type"}, {10, 4, "SRC", "Source agency"}, {10, 5, "PHD", "Photo capture date"},
    {10, 6, "HLL", "Horizontal line length"}, {10, 7, "VLL", "Vertical line length"},
    {10, 8, "SLC", "Scale units"}, {10, 9, "THPS", "Transmitted horizontal pixel scale"},
    {10, 10, "TVPS", "Transmitted vertical pixel scale"}, {10, 11, "CGA", "Compression algorithm"},
    {10, 12, "CSP", "Color space"}, {10, 13, "SAP", "Subject acquisition profile"},
    {10, 14, "FIP", "Face image bounding box"}, {10, 16, "SHPS", "Scanned horizontal pixel scale"},
    {10, 17, "SVPS", "Scanned vertical pixel scale"}, {10, 18, "DIST", "Distortion"},
    {10, 19, "LAF", "Lighting artifacts"}, {10, 20, "POS", "Subject pose"},
    {10, 21, "POA", "Pose offset angle"}, {10, 22, "PXS", "Photo description"},
    {10, 23, "PAS", "Photo acquisition source"}, {10, 24, "SQS", "Subject quality score"},
    {10, 25, "SPA", "Subject pose angles"}, {10, 26, "SXS", "Subject facial description"},
    {10, 27, "SEC", "Subject eye color"}, {10, 28, "SHC", "Subject hair color"},
    {10, 29, "FFP", "Facial feature points"}, {10, 30, "DMM", "Device monitoring mode"},
    {10, 38, "COM", "Comment"}, {10, 40, "SMT", "NCIC designation code"},
    {10, 41, "SMS", "Scar, mark, tattoo size"}, {10, 42, "SMD", "SMT descriptors"},
    {10, 43, "COL", "Colors present"}, {10, 999, "DATA", "Image data"},

    {13, 1, "LEN", "Record length"}, {13, 2, "IDC", "Information designation character"},
    {13, 3, "IMP", "Impression type"}, {13, 4, "SRC", "Source agency"},
    {13, 5, "LCD", "Latent capture date"}, {13, 6, "HLL", "Horizontal line length"},
    {13, 7, "VLL", "Vertical line length"}, {13, 8, "SLC", "Scale units"},
    {13, 9, "THPS", "Transmitted horizontal pixel scale"}, {13, 10, "TVPS", "Transmitted vertical pixel scale"},
    {13, 11, "CGA", "Compression algorithm"}, {13, 12, "BPX", "Bits per pixel"},
    {13, 13, "FGP", "Friction ridge generalized position"}, {13, 14, "SPD", "Search position descriptors"},
    {13, 15, "PPC", "Print position coordinates"}, {13, 16, "SHPS", "Scanned horizontal pixel scale"},
    {13, 17, "SVPS", "Scanned vertical pixel scale"}, {13, 20, "COM", "Comment"},
    {13, 24, "LQM", "Latent quality metric"}, {13, 999, "DATA", "Image data"},

    {14, 1, "LEN", "Record length"}, {14, 2, "IDC", "Information designation character"},
    {14, 3, "IMP", "Impression type"}, {14, 4, "SRC", "Source agency"},
    {14, 5, "FCD", "Fingerprint capture date"}, {14, 6, "HLL", "Horizontal line length"},
    {14, 7, "VLL", "Vertical line length"}, {14, 8, "SLC", "Scale units"},
    {14, 9, "THPS", "Transmitted horizontal pixel scale"}, {14, 10, "TVPS", "Transmitted vertical pixel scale"},
    {14, 11, "CGA", "Compression algorithm"}, {14, 12, "BPX", "Bits per pixel"},
    {14, 13, "FGP", "Finger position"}, {14, 14, "PPD", "Print position descriptors"},
    {14, 15, "PPC", "Print position coordinates"}, {14, 16, "SHPS", "Scanned horizontal pixel scale"},
    {14, 17, "SVPS", "Scanned vertical pixel scale"}, {14, 18, "AMP", "Amputated or bandaged"},
    {14, 20, "COM", "Comment"}, {14, 21, "SEG", "Finger segment positions"},
    {14, 22, "NQM", "NIST quality metric"}, {14, 23, "SQM", "Segmentation quality metric"},
    {14, 24, "FQM", "Fingerprint quality metric"}, {14, 25, "ASEG", "Alternate finger segment position"},
    {14, 26, "SCF", "Simultaneous capture"}, {14, 27, "SIF", "Stitched image flag"},
    {14, 30, "DMM", "Device monitoring mode"}, {14, 31, "FAP", "Subject acquisition profile - fingerprint"},
    {14, 999, "DATA", "Image data"},

    {15, 1, "LEN", "Record length"}, {15, 2, "IDC", "Information designation character"},
    {15, 3, "IMP", "Impression type"}, {15, 4, "SRC", "Source agency"},
    {15, 5, "PCD", "Palmprint capture date"}, {15, 6, "HLL", "Horizontal line length"},
    {15, 7, "VLL", "Vertical line length"}, {15, 8, "SLC", "Scale units"},
    {15, 9, "THPS", "Transmitted horizontal pixel scale"}, {15, 10, "TVPS", "Transmitted vertical pixel scale"},
    {15, 11, "CGA", "Compression algorithm"}, {15, 12, "BPX", "Bits per pixel"},
    {15, 13, "FGP", "Friction ridge generalized position"}, {15, 16, "SHPS", "Scanned horizontal pixel scale"},
    {15, 17, "SVPS", "Scanned vertical pixel scale"}, {15, 18, "AMP", "Amputated or bandaged"},
    {15, 20, "COM", "Comment"}, {15, 24, "PQM", "Palmprint quality metric"},
    {15, 30, "DMM", "Device monitoring mode"}, {15, 999, "DATA", "Image data"},

    {16, 1, "LEN", "Record length"}, {16, 2, "IDC", "Information designation character"},
    {16, 3, "UDI", "User-defined image type"}, {16, 4, "SRC", "Source agency"},
    {16, 5, "UTD", "User-defined testing date"}, {16, 6, "HLL", "Horizontal line length"},
    {16, 7, "VLL", "Vertical line length"}, {16, 8, "SLC", "Scale units"},
    {16, 9, "THPS", "Transmitted horizontal pixel scale"}, {16, 10, "TVPS", "Transmitted vertical pixel scale"},
    {16, 11, "CGA", "Compression algorithm"}, {16, 12, "BPX", "Bits per pixel"},
    {16, 13, "CSP", "Color space"}, {16, 16, "SHPS", "Scanned horizontal pixel scale"},
    {16, 17, "SVPS", "Scanned vertical pixel scale"}, {16, 20, "COM", "Comment"},
    {16, 24, "UQS", "User-defined quality score"}, {16, 30, "DMM", "Device monitoring mode"},
    {16, 999, "DATA", "Image data"},

    {17, 1, "LEN", "Record length"}, {17, 2, "IDC", "Information designation character"},
    {17, 3, "ELR", "Eye label"}, {17, 4, "SRC", "Source agency"}, {17, 5, "ICD", "Iris capture date"},
    {17, 6, "HLL", "Horizontal line length"}, {17, 7, "VLL", "Vertical line length"},
    {17, 8, "SLC", "Scale units"}, {17, 9, "THPS", "Transmitted horizontal pixel scale"},
    {17, 10, "TVPS", "Transmitted vertical pixel scale"}, {17, 11, "CGA", "Compression algorithm"},
    {17, 12, "BPX", "Bits per pixel"}, {17, 13, "CSP", "Color space"},
    {17, 14, "RAE", "Rotation angle of eye"}, {17, 15, "RAU", "Rotation uncertainty"},
    {17, 16, "IPC", "Image property code"}, {17, 17, "DUI", "Device unique identifier"},
    {17, 18, "GUI", "Global unique identifier"}, {17, 19, "MMS", "Make, model, serial number"},
    {17, 20, "ECL", "Eye color"}, {17, 21, "COM", "Comment"},
    {17, 22, "SHPS", "Scanned horizontal pixel scale"}, {17, 23, "SVPS", "Scanned vertical pixel scale"},
    {17, 24, "IQS", "Image quality score"}, {17, 25, "EAS", "Effective acquisition spectrum"},
    {17, 26, "IRD", "Iris diameter"}, {17, 30, "DMM", "Device monitoring mode"},
    {17, 999, "DATA", "Image data"},

    {99, 1, "LEN", "Record length"}, {99, 2, "IDC", "Information designation character"},
    {99, 4, "SRC", "Source agency"}, {99, 5, "BCD", "Biometric capture date"},
    {99, 100, "HDV", "CBEFF header version"}, {99, 101, "BTY", "Biometric type"},
    {99, 102, "BDQ", "Biometric data quality"}, {99, 103, "BFO", "BDB format owner"},
    {99, 104, "BFT", "BDB format type"}, {99, 999, "BDB", "Biometric data block"},
};
// clang-format on

struct TypeName {
    int type;
    std::string_view name;
};

constexpr std::array<TypeName, 16> kTypeNames{{
    {1, "Transaction information"},
    {2, "User-defined descriptive text"},
    {3, "Low-resolution grayscale fingerprint image (deprecated)"},
    {4, "High-resolution grayscale fingerprint image"},
    {5, "Low-resolution binary fingerprint image (deprecated)"},
    {6, "High-resolution binary fingerprint image (deprecated)"},
    {7, "User-defined image"},
    {8, "Signature image"},
    {9, "Minutiae data"},
    {10, "Photographic body part imagery (face, SMT)"},
    {13, "Friction-ridge latent image"},
    {14, "Variable-resolution fingerprint image"},
    {15, "Variable-resolution palmprint image"},
    {16, "User-defined variable-resolution testing image"},
    {17, "Iris image"},
    {99, "CBEFF biometric data"},
}};

} // namespace

const FieldDefinition* findFieldDefinition(int type, int number) {
    const auto it =
        std::find_if(std::begin(kFields), std::end(kFields), [&](const FieldDefinition& d) {
            return d.recordType == type && d.number == number;
        });
    return it == std::end(kFields) ? nullptr : it;
}

std::string_view recordTypeName(int type) {
    for (const TypeName& t : kTypeNames)
        if (t.type == type)
            return t.name;
    return "Unknown record type";
}

} // namespace umbral::interchange
