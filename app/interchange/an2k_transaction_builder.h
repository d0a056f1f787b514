#pragma once

#include "app/interchange/an2k_record.h"
#include "app/interchange/an2k_type2_profile.h"

#include <opencv2/core.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace umbral::interchange {

/// The Type-1 content of an outgoing transaction.
struct TransactionHeader {
    std::string transactionType =
        "ENR";                     ///< 1.004 TOT, agreed with the central system (1-16 characters)
    std::string destinationAgency; ///< 1.007 DAI
    std::string originatingAgency; ///< 1.008 ORI: the station's agency identifier
    std::string controlNumber; ///< 1.009 TCN: unique per transaction (the export's idempotency key)
    std::string date;          ///< 1.005 DAT, CCYYMMDD
    std::string gmt;           ///< 1.014 GMT, CCYYMMDDhhmmssZ; optional
    int priority = 0;          ///< 1.006 PRY 1-9; 0 leaves the field out
};

/// 14.003 IMP impression types Umbral captures (ANSI/NIST-ITL 1-2011 Table 7).
enum class Impression : int {
    LiveScanPlain = 0,
    LiveScanRolled = 1,
    NonLiveScanPlain = 2,
    NonLiveScanRolled = 3
};

/// The algorithm named in quality metric fields: QAV (vendor, four hex digits, as registered
/// with IBIA) and QAP (product code, 1-65535). Umbral has no registration: "FFFF"/1 stand in
/// until the agency registers its own (docs/interchange.md).
struct QualityAlgorithm {
    std::string vendorHex = "FFFF";
    int product = 1;
};

/// The quality of one finger: the 0-100 score (NFIQ 2-compatible; 14.024 FQM) and, when known,
/// an NFIQ 1 value 1-5 (14.022 NQM). Absent values are written as 254, "not computed".
struct FingerQuality {
    int position = 0;
    std::optional<int> score;
    std::optional<int> nistQuality;
};

/// Where a finger lies in a slap image, in pixels (14.021 SEG).
struct SegmentBox {
    int position = 0;
    int left = 0;
    int right = 0;
    int top = 0;
    int bottom = 0;
};

enum class MissingReason { Amputated, UnableToPrint }; ///< 14.018 AMP codes XX and UP

struct MissingFinger {
    int position = 0;
    MissingReason reason = MissingReason::UnableToPrint;
};

/// One fingerprint image: a single finger (position 1-10) or a plain slap (13 right four
/// fingers, 14 left four, 15 both thumbs). Becomes one Type-14 record, WSQ-compressed.
struct FingerprintCapture {
    int position = 0;
    cv::Mat image; ///< 8-bit grey (CV_8UC1), at least 64 x 64
    int ppi = 500; ///< must be 500 (within 1 %): resample before
    Impression impression = Impression::LiveScanPlain;
    std::string captureDate; ///< 14.005 FCD, CCYYMMDD
    std::vector<FingerQuality>
        quality; ///< one per finger shown (the position itself for a single finger)
    std::vector<SegmentBox> segments; ///< slaps only
    std::vector<MissingFinger>
        missing;         ///< slaps only: fingers of the slap that could not be printed
    std::string comment; ///< 14.020 COM, optional
};

enum class IrisCompression { Png, None }; ///< 17.011 CGA "PNG" (lossless) or "NONE"

/// One iris image. Becomes one Type-17 record.
struct IrisCapture {
    int eye = 0;                     ///< 17.003 ELR: 1 right, 2 left, 0 undefined
    cv::Mat image;                   ///< 8-bit grey
    std::string captureDate;         ///< 17.005 ICD, CCYYMMDD
    std::optional<int> qualityScore; ///< 0-100 (ISO/IEC 29794-6 overall) -> 17.024 IQS
    IrisCompression compression = IrisCompression::Png;
    bool nearInfrared = true; ///< writes 17.025 EAS "NIR"
    std::string comment;      ///< 17.021 COM, optional
};

/// Everything one encounter transaction holds.
struct TransactionContent {
    TransactionHeader header;
    std::string sourceAgency; ///< SRC of the image records; empty: header.originatingAgency
    BiographicData traveler;
    std::vector<FingerprintCapture> fingerprints;
    std::vector<IrisCapture> irises;
    QualityAlgorithm fingerQualityAlgorithm;
    QualityAlgorithm irisQualityAlgorithm;
    double wsqBitRate = 0.75;
};

/// Builds the transaction: Type-1 (VER 0500, DOM UMBRAL 1.0, CNT), the Type-2 profile record,
/// one Type-14 per fingerprint capture (WSQ at `wsqBitRate`) and one Type-17 per iris, IDCs
/// 00, 01, 02... in that order. The result is validated (validateTransaction); any problem
/// with the input throws InterchangeError naming the capture or field.
Transaction buildTransaction(const TransactionContent& content);

/// buildTransaction() and writeTransaction() in one step.
std::vector<std::uint8_t> buildTransactionBytes(const TransactionContent& content);

} // namespace umbral::interchange
