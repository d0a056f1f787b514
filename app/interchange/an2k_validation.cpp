#include "app/interchange/an2k_validation.h"

#include "app/interchange/an2k_binary_record.h"
#include "app/interchange/an2k_fields.h"
#include "app/interchange/an2k_images.h"
#include "app/interchange/an2k_type2_profile.h"
#include "app/interchange/an2k_value_checks.h"
#include "app/interchange/interchange_error.h"
#include "app/interchange/wsq_codec.h"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <optional>
#include <span>

namespace umbral::interchange {

namespace {

// ANSI/NIST-ITL 1-2011 Table 15 (compression codes of tagged image records).
constexpr std::array<std::string_view, 7> kCompressionCodes = {"NONE", "WSQ20", "JPEGB", "JPEGL",
                                                               "JP2",  "JP2L",  "PNG"};
// Table 16 (color spaces).
constexpr std::array<std::string_view, 6> kColorSpaces = {"UNK",  "GRAY", "RGB",
                                                          "SRGB", "YCC",  "SYCC"};
constexpr std::array<std::string_view, 4> kFaceImageTypes = {"FACE", "SCAR", "MARK", "TATTOO"};

bool isFingerPosition(long long p) {
    return (p >= 0 && p <= 10) || (p >= 13 && p <= 15) || p == 19 || (p >= 40 && p <= 50);
}

std::string_view mnemonic(int type, int field) {
    const FieldDefinition* d = findFieldDefinition(type, field);
    return d ? d->mnemonic : std::string_view();
}

class Validator {
public:
    explicit Validator(const Transaction& t) : transaction_(t) {}

    std::vector<ValidationFinding> run() {
        for (std::size_t i = 0; i < transaction_.records.size(); ++i) {
            index_ = i + 1;
            record_ = &transaction_.records[i];
            checkRecord();
        }
        return std::move(findings_);
    }

private:
    void report(int field, std::string message) {
        findings_.push_back({index_, record_->type, field, std::move(message)});
    }

    const Field* mandatory(int field) {
        const Field* f = record_->find(field);
        if (!f) {
            std::string m(mnemonic(record_->type, field));
            report(field, (m.empty() ? std::string() : m + " ") + "is missing (mandatory)");
        }
        return f;
    }

    // `field`'s value as an integer in [min, max], reported when it is not one.
    std::optional<long long> number(int field, long long min, long long max, bool required = true) {
        const Field* f = required ? mandatory(field) : record_->find(field);
        if (!f)
            return std::nullopt;
        const auto v = parseCount(f->value);
        if (!v || *v < min || *v > max) {
            report(field, std::string(mnemonic(record_->type, field)) + " \"" + f->value +
                              "\" is not a number from " + std::to_string(min) + " to " +
                              std::to_string(max));
            return std::nullopt;
        }
        return v;
    }

    void date(int field, bool required = true) {
        const Field* f = required ? mandatory(field) : record_->find(field);
        if (f && !isDate(f->value))
            report(field, std::string(mnemonic(record_->type, field)) + " \"" + f->value +
                              "\" is not a date CCYYMMDD");
    }

    void oneOf(int field, std::span<const std::string_view> allowed, bool required = true) {
        const Field* f = required ? mandatory(field) : record_->find(field);
        if (f && std::find(allowed.begin(), allowed.end(), f->value) == allowed.end()) {
            std::string list;
            for (std::string_view a : allowed)
                list += (list.empty() ? "" : ", ") + std::string(a);
            report(field, std::string(mnemonic(record_->type, field)) + " \"" + f->value +
                              "\" is not one of " + list);
        }
    }

    void nonEmpty(int field, std::size_t maxLength) {
        const Field* f = mandatory(field);
        if (f && (f->value.empty() || f->value.size() > maxLength))
            report(field, std::string(mnemonic(record_->type, field)) + " must have 1 to " +
                              std::to_string(maxLength) + " characters");
    }

    // Quality metric subfields (FQM, SQM, IQS, ...): [FGP US] QVU US QAV US QAP, QVU 0-100 or
    // 254 (not computed) or 255 (failed), QAV four hex digits (vendor), QAP 1-65535 (product).
    void qualityMetric(int field, bool withPosition) {
        const Field* f = record_->find(field);
        if (!f)
            return;
        const std::string name(mnemonic(record_->type, field));
        const std::size_t offset = withPosition ? 1 : 0;
        int n = 0;
        for (const auto& items : f->subfields()) {
            ++n;
            const std::string where = name + " subfield " + std::to_string(n) + ": ";
            if (items.size() != 3 + offset) {
                report(field, where + "expected " + std::string(withPosition ? "FGP US " : "") +
                                  "QVU US QAV US QAP");
                continue;
            }
            if (withPosition && !parseCount(items[0]))
                report(field, where + "position \"" + items[0] + "\" is not a number");
            const auto qvu = parseCount(items[offset]);
            if (!qvu || (*qvu > 100 && *qvu != 254 && *qvu != 255))
                report(field,
                       where + "quality value \"" + items[offset] + "\" is not 0-100, 254 or 255");
            if (!isHex(items[offset + 1], 4))
                report(field, where + "algorithm vendor \"" + items[offset + 1] +
                                  "\" is not 4 hex digits");
            const auto qap = parseCount(items[offset + 2]);
            if (!qap || *qap < 1 || *qap > 65535)
                report(field,
                       where + "algorithm product \"" + items[offset + 2] + "\" is not 1-65535");
        }
    }

    void checkRecord() {
        const int type = record_->type;
        if (record_->isBinary()) {
            checkBinaryImageRecord();
            return;
        }
        checkTaggedStructure();
        switch (type) {
        case 1:
            checkType1();
            break;
        case 2:
            checkType2();
            break;
        case 10:
            checkImageRecord(false, false);
            checkType10();
            break;
        case 13:
            checkImageRecord(true, false);
            checkFrictionRidge(24, "LQM");
            break;
        case 14:
            checkImageRecord(true, false);
            checkType14();
            break;
        case 15:
            checkImageRecord(true, false);
            checkFrictionRidge(24, "PQM");
            break;
        case 16:
            checkImageRecord(true, false);
            nonEmpty(3, 35);
            qualityMetric(24, false);
            break;
        case 17:
            checkImageRecord(true, true);
            checkType17();
            break;
        case 99:
            checkType99();
            break;
        default:
            break;
        }
    }

    void checkTaggedStructure() {
        const int type = record_->type;
        int previous = 0;
        for (const Field& f : record_->fields) {
            if (f.number < previous) {
                report(f.number, "out of order: it follows field " + fieldTag(type, previous));
                break;
            }
            previous = f.number;
        }
        for (const Field& f : record_->fields) {
            if (f.number == kImageDataField)
                continue;
            std::string text = f.value;
            std::replace_if(
                text.begin(), text.end(),
                [](char c) { return c == kRecordSeparator || c == kUnitSeparator; }, ' ');
            if (!isPrintableAscii(text) && !(type == 2 && declaresCharacterSets()))
                report(f.number, "contains characters outside printable 7-bit ASCII");
        }
        if (type != 1)
            number(2, 0, 99);
    }

    bool declaresCharacterSets() const {
        return transaction_.records.front().find(type1::DCS) != nullptr;
    }

    void checkType1() {
        for (int f : {type1::LEN, type1::CNT, type1::TOT, type1::DAI, type1::ORI})
            mandatory(f);
        if (const Field* ver = mandatory(type1::VER); ver && !isDigits(ver->value, 4, 4))
            report(type1::VER, "VER \"" + ver->value + "\" is not four digits (0500 for 1-2011)");
        date(type1::DAT);
        number(type1::PRY, 1, 9, false);
        nonEmpty(type1::TCN, 40);
        for (int f : {type1::NSR, type1::NTR}) {
            const Field* r = mandatory(f);
            if (r && !(r->value.size() == 5 && isDigits(r->value.substr(0, 2), 2, 2) &&
                       r->value[2] == '.' && isDigits(r->value.substr(3), 2, 2)))
                report(f, std::string(mnemonic(1, f)) + " \"" + r->value +
                              "\" is not pixels per mm as dd.dd");
        }
        if (const Field* gmt = record_->find(type1::GMT); gmt && !isGmtDateTime(gmt->value))
            report(type1::GMT, "GMT \"" + gmt->value + "\" is not CCYYMMDDhhmmssZ");
        if (const Field* dom = record_->find(type1::DOM); dom && dom->item(0, 0).empty())
            report(type1::DOM, "DOM has no domain name");
    }

    void checkType2() {
        if (!usesUmbralProfile(transaction_))
            return;
        for (auto& [field, message] : type2ProfileProblems(*record_))
            report(field, std::string(mnemonic(2, field)) + " " + message);
    }

    // HLL, VLL, SLC, THPS, TVPS, CGA, BPX/CSP and the image data of Types 10 and 13-17 (they
    // share field numbers 6-12 and 999; BPX is 12 except in Type-10, which has none).
    void checkImageRecord(bool hasBitsPerPixel, bool hasColorSpace) {
        nonEmpty(4, 40); // SRC
        const int dateField = 5;
        date(dateField);
        const auto width = number(6, 1, 99999);
        const auto height = number(7, 1, 99999);
        number(8, 0, 2);
        number(9, 1, 99999);
        number(10, 1, 99999);
        oneOf(11, kCompressionCodes);
        std::optional<long long> bits;
        if (hasBitsPerPixel)
            bits = number(12, 1, 99);
        if (hasColorSpace)
            oneOf(13, kColorSpaces);
        if (!mandatory(kImageDataField) || !width || !height)
            return;
        const auto image = recordImage(*record_);
        if (!image->repeatedTagPrefix.empty())
            report(kImageDataField,
                   "the record repeats field " + fieldTag(record_->type, kImageDataField) +
                       ": the image data starts with \"" + image->repeatedTagPrefix +
                       "\" and further 999 tags before the image");
        checkImageData(record_->text(11), image->data, kImageDataField, *width, *height, bits, 6,
                       7);
    }

    void checkImageData(const std::string& compression, std::span<const std::uint8_t> bytes,
                        int field, long long width, long long height, std::optional<long long> bits,
                        int widthField, int heightField) {
        auto startsWith = [&](std::initializer_list<std::uint8_t> magic) {
            return bytes.size() >= magic.size() &&
                   std::equal(magic.begin(), magic.end(), bytes.begin());
        };
        if (compression == "NONE") {
            if (bits && static_cast<long long>(bytes.size()) * 8 != width * height * *bits)
                report(field, "uncompressed image holds " + std::to_string(bytes.size()) +
                                  " bytes, not HLL " + std::to_string(width) + " x VLL " +
                                  std::to_string(height) + " x BPX " + std::to_string(*bits) +
                                  " / 8");
        } else if (compression == "WSQ20") {
            try {
                const WsqHeader wsq = readWsqHeader(bytes);
                if (wsq.width != width)
                    report(widthField, std::string(mnemonic(record_->type, widthField)) + " " +
                                           std::to_string(width) +
                                           " differs from the WSQ image width " +
                                           std::to_string(wsq.width));
                if (wsq.height != height)
                    report(heightField, std::string(mnemonic(record_->type, heightField)) + " " +
                                            std::to_string(height) +
                                            " differs from the WSQ image height " +
                                            std::to_string(wsq.height));
            } catch (const InterchangeError& e) {
                report(field, std::string("image data is not a readable WSQ stream: ") + e.what());
            }
        } else if (compression == "JPEGB" || compression == "JPEGL") {
            if (!startsWith({0xFF, 0xD8}))
                report(field, "image data does not start with a JPEG SOI marker");
        } else if (compression == "PNG") {
            if (!startsWith({0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}))
                report(field, "image data does not start with the PNG signature");
        } else if (compression == "JP2" || compression == "JP2L") {
            if (!startsWith({0x00, 0x00, 0x00, 0x0C, 'j', 'P', ' ', ' '}) &&
                !startsWith({0xFF, 0x4F, 0xFF, 0x51}))
                report(field, "image data is neither a JP2 file nor a JPEG 2000 codestream");
        }
    }

    void checkType10() {
        oneOf(3, kFaceImageTypes);
        oneOf(12, kColorSpaces);
        qualityMetric(24, false);
    }

    void checkFrictionRidge(int qualityField, const char*) {
        number(3, 0, 99);
        number(12, 1, 99);
        if (const Field* fgp = mandatory(13))
            for (const auto& items : fgp->subfields())
                if (items.size() != 1 || !parseCount(items[0]) || *parseCount(items[0]) > 99)
                    report(13, "FGP \"" + items[0] + "\" is not a position code");
        qualityMetric(qualityField, true);
    }

    void checkType14() {
        number(type14::IMP, 0, 99);
        const long long width = parseCount(record_->text(type14::HLL)).value_or(0);
        const long long height = parseCount(record_->text(type14::VLL)).value_or(0);
        if (const Field* fgp = mandatory(type14::FGP))
            for (const auto& items : fgp->subfields()) {
                const auto p = parseCount(items[0]);
                if (items.size() != 1 || !p || !isFingerPosition(*p))
                    report(type14::FGP, "FGP \"" + items[0] + "\" is not a finger position code");
            }
        if (const Field* amp = record_->find(type14::AMP))
            for (const auto& items : amp->subfields())
                if (items.size() != 2 || !parseCount(items[0]) ||
                    (items[1] != "XX" && items[1] != "UP"))
                    report(type14::AMP,
                           "AMP subfields are FGP US XX (amputated) or UP (unable to print)");
        if (const Field* seg = record_->find(type14::SEG))
            for (const auto& items : seg->subfields()) {
                std::optional<long long> v[5];
                for (std::size_t i = 0; i < 5 && i < items.size(); ++i)
                    v[i] = parseCount(items[i]);
                const bool ok = items.size() == 5 && v[0] && v[1] && v[2] && v[3] && v[4] &&
                                *v[1] <= *v[2] && *v[3] <= *v[4] && *v[2] <= width &&
                                *v[4] <= height;
                if (!ok)
                    report(type14::SEG,
                           "SEG subfield \"" + Field::fromItems(0, {items}).value +
                               "\" is not FGP, left, right, top, bottom inside the image");
            }
        if (const Field* nqm = record_->find(type14::NQM))
            for (const auto& items : nqm->subfields()) {
                const auto score = items.size() == 2 ? parseCount(items[1]) : std::nullopt;
                if (!score || !parseCount(items[0]) ||
                    !((*score >= 1 && *score <= 5) || *score == 254 || *score == 255))
                    report(type14::NQM,
                           "NQM subfields are FGP US score 1-5 (254 not computed, 255 failed)");
            }
        qualityMetric(type14::SQM, true);
        qualityMetric(type14::FQM, true);
    }

    void checkType17() {
        number(type17::ELR, 0, 2);
        qualityMetric(type17::IQS, false);
        number(type17::IRD, 0, 9999, false);
    }

    void checkType99() {
        nonEmpty(4, 40);
        if (const Field* bcd = mandatory(5); bcd && !isGmtDateTime(bcd->value))
            report(5, "BCD \"" + bcd->value + "\" is not CCYYMMDDhhmmssZ");
        if (const Field* bty = mandatory(101); bty && !isHex(bty->value, 8))
            report(101, "BTY \"" + bty->value + "\" is not 8 hex digits");
        for (int f : {103, 104})
            if (const Field* v = mandatory(f); v && !isHex(v->value, 4))
                report(f,
                       std::string(mnemonic(99, f)) + " \"" + v->value + "\" is not 4 hex digits");
        qualityMetric(102, false);
        mandatory(kImageDataField);
    }

    // Types 3-6: IMP, FGP (six bytes, 255 = unused), ISR, HLL, VLL, GCA and the image.
    void checkBinaryImageRecord() {
        const int type = record_->type;
        if (type < 3 || type > 6)
            return;
        number(3, 0, 29);
        if (const Field* fgp = mandatory(4)) {
            const auto items = fgp->subfields().front();
            for (std::size_t i = 0; i < items.size(); ++i) {
                const auto p = parseCount(items[i]);
                if (!p || !((*p <= 14) || (*p == 255 && i > 0)))
                    report(4, "FGP byte " + std::to_string(i + 1) + " \"" + items[i] +
                                  "\" is not a finger position (0-14) or 255 (unused)");
            }
        }
        number(5, 0, 1);
        const auto width = number(6, 1, 65535);
        const auto height = number(7, 1, 65535);
        const auto gca = number(8, 0, type == 4 || type == 3 ? 6 : 255);
        const Field* data = record_->find(binaryDataField(type));
        if (type == 4 && gca && data && width && height) {
            static const char* kCodes[] = {"NONE", "WSQ20", "JPEGB", "JPEGL", "JP2", "JP2L", "PNG"};
            checkImageData(
                kCodes[*gca],
                std::span<const std::uint8_t>(
                    reinterpret_cast<const std::uint8_t*>(data->value.data()), data->value.size()),
                data->number, *width, *height, 8, 6, 7);
        }
    }

    const Transaction& transaction_;
    std::vector<ValidationFinding> findings_;
    std::size_t index_ = 0;
    const Record* record_ = nullptr;
};

} // namespace

std::vector<ValidationFinding> validateTransaction(const Transaction& transaction) {
    if (transaction.records.empty())
        return {{0, 1, 0, "the transaction has no records"}};
    if (transaction.records.front().type != 1)
        return {{1, transaction.records.front().type, 0, "the first record must be Type-1"}};
    return Validator(transaction).run();
}

void requireValidTransaction(const Transaction& transaction) {
    const auto findings = validateTransaction(transaction);
    if (findings.empty())
        return;
    std::string message = "the transaction does not validate:";
    for (const ValidationFinding& f : findings)
        message += "\n" + f.text();
    throw InterchangeError(InterchangeErrorCode::Invalid, message);
}

} // namespace umbral::interchange
