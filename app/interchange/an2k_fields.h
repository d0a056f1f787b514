#pragma once

#include <string_view>

namespace umbral::interchange {

/// Field numbers of the records Umbral writes (ANSI/NIST-ITL 1-2011 mnemonics).
namespace type1 {
inline constexpr int LEN = 1, VER = 2, CNT = 3, TOT = 4, DAT = 5, PRY = 6, DAI = 7, ORI = 8,
                     TCN = 9, TCR = 10, NSR = 11, NTR = 12, DOM = 13, GMT = 14, DCS = 15;
}
namespace type14 {
inline constexpr int LEN = 1, IDC = 2, IMP = 3, SRC = 4, FCD = 5, HLL = 6, VLL = 7, SLC = 8,
                     THPS = 9, TVPS = 10, CGA = 11, BPX = 12, FGP = 13, SHPS = 16, SVPS = 17,
                     AMP = 18, COM = 20, SEG = 21, NQM = 22, SQM = 23, FQM = 24, DMM = 30,
                     DATA = 999;
}
namespace type17 {
inline constexpr int LEN = 1, IDC = 2, ELR = 3, SRC = 4, ICD = 5, HLL = 6, VLL = 7, SLC = 8,
                     THPS = 9, TVPS = 10, CGA = 11, BPX = 12, CSP = 13, RAE = 14, RAU = 15,
                     IPC = 16, DUI = 17, MMS = 19, ECL = 20, COM = 21, SHPS = 22, SVPS = 23,
                     IQS = 24, EAS = 25, IRD = 26, DMM = 30, DATA = 999;
}

/// What a field is called: "14.013 FGP Finger position".
struct FieldDefinition {
    int recordType;
    int number;
    const char* mnemonic;
    const char* name;
};

/// The definition of field `number` of records of `type`, or nullptr when we have none
/// (user-defined or rare fields). Type-2 fields follow the Umbral profile and, for the common
/// biographic fields, the FBI EBTS names (docs/interchange.md).
const FieldDefinition* findFieldDefinition(int type, int number);

/// "Variable-resolution fingerprint image" for 14; "Unknown record type" when not defined.
std::string_view recordTypeName(int type);

} // namespace umbral::interchange
