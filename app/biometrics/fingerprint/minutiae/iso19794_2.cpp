#include "app/biometrics/fingerprint/minutiae/iso19794_2.h"

#include "app/biometrics/common/biometric_error.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace umbral::biometrics {

namespace {

constexpr std::size_t kHeaderSize = 24;
constexpr std::size_t kViewHeaderSize = 4;
constexpr std::size_t kMinutiaSize = 6;
constexpr double kAngleUnit = 360.0 / 256.0;
constexpr double kPpcmAt500Ppi = 500.0 / 2.54; // 196.85

[[noreturn]] void malformed(const std::string& what) {
    throw BiometricError(BiometricErrorCode::MalformedTemplate, "ISO/IEC 19794-2 record: " + what);
}

class Writer {
public:
    void u8(int v) { bytes_.push_back(static_cast<std::uint8_t>(v & 0xff)); }
    void u16(int v) {
        u8(v >> 8);
        u8(v);
    }
    void u32(std::uint32_t v) {
        u16(static_cast<int>(v >> 16));
        u16(static_cast<int>(v & 0xffff));
    }
    void raw(std::span<const std::uint8_t> b) { bytes_.insert(bytes_.end(), b.begin(), b.end()); }
    std::vector<std::uint8_t>& bytes() { return bytes_; }

private:
    std::vector<std::uint8_t> bytes_;
};

class Reader {
public:
    Reader(std::span<const std::uint8_t> b, std::size_t limit) : bytes_(b), limit_(limit) {}
    void need(std::size_t n, const char* what) const {
        if (pos_ + n > limit_)
            malformed(std::string("truncated in ") + what + " at byte " + std::to_string(pos_) +
                      " (record has " + std::to_string(limit_) + " bytes)");
    }
    int u8(const char* what) {
        need(1, what);
        return bytes_[pos_++];
    }
    int u16(const char* what) {
        need(2, what);
        const int v = (bytes_[pos_] << 8) | bytes_[pos_ + 1];
        pos_ += 2;
        return v;
    }
    std::uint32_t u32(const char* what) {
        need(4, what);
        const std::uint32_t v =
            (std::uint32_t{bytes_[pos_]} << 24) | (std::uint32_t{bytes_[pos_ + 1]} << 16) |
            (std::uint32_t{bytes_[pos_ + 2]} << 8) | std::uint32_t{bytes_[pos_ + 3]};
        pos_ += 4;
        return v;
    }
    std::span<const std::uint8_t> take(std::size_t n, const char* what) {
        need(n, what);
        auto s = bytes_.subspan(pos_, n);
        pos_ += n;
        return s;
    }
    std::size_t position() const { return pos_; }

private:
    std::span<const std::uint8_t> bytes_;
    std::size_t limit_;
    std::size_t pos_ = 0;
};

void requireRange(long long v, long long lo, long long hi, const std::string& what) {
    if (v < lo || v > hi)
        malformed(what + " " + std::to_string(v) + " is outside " + std::to_string(lo) + "-" +
                  std::to_string(hi));
}

int typeCode(MinutiaType t) {
    switch (t) {
    case MinutiaType::RidgeEnding:
        return 1;
    case MinutiaType::Bifurcation:
        return 2;
    case MinutiaType::Other:
        break;
    }
    return 0;
}

} // namespace

FingerMinutiaeRecord makeFingerMinutiaeRecord(const MinutiaeExtraction& extraction,
                                              int fingerPosition, int fingerQuality,
                                              int impressionType) {
    FingerMinutiaeRecord record;
    record.imageWidth = extraction.imageSize.width;
    record.imageHeight = extraction.imageSize.height;
    record.xResolutionPpcm = record.yResolutionPpcm = static_cast<int>(std::lround(kPpcmAt500Ppi));
    FingerMinutiaeView view;
    view.fingerPosition = fingerPosition;
    view.impressionType = impressionType;
    view.fingerQuality = fingerQuality;
    const std::size_t n = std::min(extraction.minutiae.size(), kMaxIsoMinutiaePerView);
    view.minutiae.assign(extraction.minutiae.begin(),
                         extraction.minutiae.begin() + static_cast<std::ptrdiff_t>(n));
    record.views.push_back(std::move(view));
    return record;
}

std::vector<std::uint8_t> writeFingerMinutiaeRecord(const FingerMinutiaeRecord& record) {
    requireRange(record.captureEquipmentCertification, 0, 15, "capture equipment certification");
    requireRange(record.captureDeviceTypeId, 0, 0xfff, "capture device type");
    requireRange(record.imageWidth, 0, 0xffff, "image width");
    requireRange(record.imageHeight, 0, 0xffff, "image height");
    requireRange(record.xResolutionPpcm, 1, 0xffff, "x resolution (pixels/cm)");
    requireRange(record.yResolutionPpcm, 1, 0xffff, "y resolution (pixels/cm)");
    requireRange(static_cast<long long>(record.views.size()), 0, 255, "number of finger views");

    Writer w;
    w.raw(std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>("FMR\0"), 4));
    w.raw(std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(" 20\0"), 4));
    w.u32(0); // record length, filled in below
    w.u16((record.captureEquipmentCertification << 12) | record.captureDeviceTypeId);
    w.u16(record.imageWidth);
    w.u16(record.imageHeight);
    w.u16(record.xResolutionPpcm);
    w.u16(record.yResolutionPpcm);
    w.u8(static_cast<int>(record.views.size()));
    w.u8(0);
    for (const FingerMinutiaeView& v : record.views) {
        requireRange(v.fingerPosition, 0, 10, "finger position");
        requireRange(v.viewNumber, 0, 15, "view number");
        requireRange(v.impressionType, 0, 15, "impression type");
        requireRange(v.fingerQuality, 0, 100, "finger quality");
        requireRange(static_cast<long long>(v.minutiae.size()), 0, kMaxIsoMinutiaePerView,
                     "number of minutiae");
        requireRange(static_cast<long long>(v.extendedData.size()), 0, 0xffff,
                     "extended data length");
        w.u8(v.fingerPosition);
        w.u8((v.viewNumber << 4) | v.impressionType);
        w.u8(v.fingerQuality);
        w.u8(static_cast<int>(v.minutiae.size()));
        for (const Minutia& m : v.minutiae) {
            const long long x = std::lround(m.x), y = std::lround(m.y);
            requireRange(x, 0, 0x3fff, "minutia x");
            requireRange(y, 0, 0x3fff, "minutia y");
            requireRange(m.quality, 0, 100, "minutia quality");
            if (!std::isfinite(m.angleDeg))
                malformed("minutia angle is not a number");
            double a = std::fmod(static_cast<double>(m.angleDeg), 360.0);
            if (a < 0)
                a += 360.0;
            const int angle = static_cast<int>(std::lround(a / kAngleUnit)) % 256;
            w.u16((typeCode(m.type) << 14) | static_cast<int>(x));
            w.u16(static_cast<int>(y));
            w.u8(angle);
            w.u8(m.quality);
        }
        w.u16(static_cast<int>(v.extendedData.size()));
        w.raw(v.extendedData);
    }
    std::vector<std::uint8_t>& out = w.bytes();
    const auto length = static_cast<std::uint32_t>(out.size());
    out[8] = static_cast<std::uint8_t>(length >> 24);
    out[9] = static_cast<std::uint8_t>(length >> 16);
    out[10] = static_cast<std::uint8_t>(length >> 8);
    out[11] = static_cast<std::uint8_t>(length);
    return out;
}

FingerMinutiaeRecord readFingerMinutiaeRecord(std::span<const std::uint8_t> bytes) {
    if (bytes.size() < kHeaderSize)
        malformed("truncated: " + std::to_string(bytes.size()) + " bytes, the header alone has " +
                  std::to_string(kHeaderSize));
    if (!std::equal(bytes.begin(), bytes.begin() + 4, "FMR\0"))
        malformed("not a finger minutiae record (format identifier is not \"FMR\")");
    if (!std::equal(bytes.begin() + 4, bytes.begin() + 8, " 20\0")) {
        const std::string version(bytes.begin() + 4, bytes.begin() + 7);
        malformed("version \"" + version + "\" is not supported (ISO/IEC 19794-2:2005 is \" 20\")");
    }
    Reader header(bytes, bytes.size());
    header.take(8, "format identifier");
    const std::uint32_t length = header.u32("record length");
    if (length < kHeaderSize)
        malformed("record length " + std::to_string(length) + " is shorter than the header");
    if (length > bytes.size())
        malformed("truncated: the header announces " + std::to_string(length) + " bytes, " +
                  std::to_string(bytes.size()) + " are present");

    Reader r(bytes, length);
    r.take(12, "header");
    FingerMinutiaeRecord record;
    const int equipment = r.u16("capture equipment");
    record.captureEquipmentCertification = equipment >> 12;
    record.captureDeviceTypeId = equipment & 0xfff;
    record.imageWidth = r.u16("image width");
    record.imageHeight = r.u16("image height");
    record.xResolutionPpcm = r.u16("x resolution");
    record.yResolutionPpcm = r.u16("y resolution");
    const int views = r.u8("number of views");
    r.u8("reserved byte"); // must be 0; other producers' non-zero values are tolerated
    for (int i = 0; i < views; ++i) {
        FingerMinutiaeView v;
        const std::string where = "finger view " + std::to_string(i + 1);
        v.fingerPosition = r.u8(where.c_str());
        const int numberAndType = r.u8(where.c_str());
        v.viewNumber = numberAndType >> 4;
        v.impressionType = numberAndType & 0x0f;
        v.fingerQuality = r.u8(where.c_str());
        const int count = r.u8(where.c_str());
        r.need(static_cast<std::size_t>(count) * kMinutiaSize, (where + " minutiae").c_str());
        v.minutiae.reserve(static_cast<std::size_t>(count));
        for (int k = 0; k < count; ++k) {
            const int typeAndX = r.u16("minutia");
            const int y = r.u16("minutia") & 0x3fff;
            const int angle = r.u8("minutia");
            const int quality = r.u8("minutia");
            Minutia m;
            const int type = typeAndX >> 14;
            m.type = type == 1   ? MinutiaType::RidgeEnding
                     : type == 2 ? MinutiaType::Bifurcation
                                 : MinutiaType::Other;
            m.x = static_cast<float>(typeAndX & 0x3fff);
            m.y = static_cast<float>(y);
            m.angleDeg = static_cast<float>(angle * kAngleUnit);
            m.quality = quality;
            v.minutiae.push_back(m);
        }
        const int extended = r.u16((where + " extended data length").c_str());
        const auto block =
            r.take(static_cast<std::size_t>(extended), (where + " extended data").c_str());
        v.extendedData.assign(block.begin(), block.end());
        record.views.push_back(std::move(v));
    }
    return record;
}

std::vector<Minutia> minutiaeAt500Ppi(const FingerMinutiaeRecord& record, std::size_t view) {
    if (view >= record.views.size())
        throw BiometricError(BiometricErrorCode::MalformedTemplate,
                             "ISO/IEC 19794-2 record: no finger view " + std::to_string(view + 1) +
                                 " (it has " + std::to_string(record.views.size()) + ")");
    // Within 0.5 % of 500 ppi (196.85 px/cm, written as 197) counts as 500 ppi.
    const auto scaleFor = [](int ppcm) {
        if (ppcm <= 0)
            return 1.0;
        const double s = kPpcmAt500Ppi / ppcm;
        return std::abs(s - 1.0) < 0.005 ? 1.0 : s;
    };
    const double sx = scaleFor(record.xResolutionPpcm), sy = scaleFor(record.yResolutionPpcm);
    std::vector<Minutia> out = record.views[view].minutiae;
    for (Minutia& m : out) {
        m.x = static_cast<float>(m.x * sx);
        m.y = static_cast<float>(m.y * sy);
        if (sx != sy) {
            // Unequal scales turn directions too.
            const float a = isoDegreesToImageRadians(m.angleDeg);
            m.angleDeg = imageRadiansToIsoDegrees(
                static_cast<float>(std::atan2(std::sin(a) * sy, std::cos(a) * sx)));
        }
    }
    return out;
}

} // namespace umbral::biometrics
