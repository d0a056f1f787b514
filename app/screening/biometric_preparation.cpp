#include "app/screening/biometric_preparation.h"

#include "app/biometrics/common/biometric_error.h"
#include "app/biometrics/common/grey_image.h"
#include "app/biometrics/fingerprint/minutiae/iso19794_2.h"
#include "app/biometrics/iris/iris_code.h"

#include <algorithm>
#include <opencv2/imgcodecs.hpp>

namespace umbral::screening {

namespace {
cv::Mat decodeGrey(const QByteArray& png, const char* what) {
    const cv::Mat img = cv::imdecode(cv::Mat(1, int(png.size()), CV_8U, const_cast<char*>(png.constData())), cv::IMREAD_UNCHANGED);
    biometrics::requireGrey8(img, what);
    return img;
}
} // namespace

QString prepareListedBiometrics(WatchlistEntry& e) {
    // An image that comes with its template (or code) at the same position needs no derivation.
    auto hasFingerTemplate = [&](FingerPosition p) {
        return std::any_of(e.fingers.begin(), e.fingers.end(), [&](const auto& f) { return f.isTemplate && f.position == p; });
    };
    auto hasIrisCode = [&](IrisSide s) {
        return std::any_of(e.irises.begin(), e.irises.end(), [&](const auto& i) { return i.isCode && i.side == s; });
    };
    std::vector<WatchlistEntry::FingerSample> derivedFingers;
    for (const auto& f : e.fingers) {
        const QString where = QStringLiteral("the %1 fingerprint").arg(toKey(f.position));
        try {
            if (f.isTemplate) {
                // Parsing is the check; the comparable form is built when the gallery loads.
                const auto* p = reinterpret_cast<const std::uint8_t*>(f.data.constData());
                const auto record = biometrics::readFingerMinutiaeRecord(std::span<const std::uint8_t>(p, std::size_t(f.data.size())));
                if (record.views.empty() || record.views.front().minutiae.empty())
                    return where + QStringLiteral(" template holds no minutiae");
                continue;
            }
            const cv::Mat img = decodeGrey(f.data, "fingerprint image");
            if (hasFingerTemplate(f.position))
                continue;
            biometrics::MinutiaeExtractionOptions o;
            o.ppi = f.ppi;
            const auto ex = biometrics::extractMinutiae(img, o);
            if (ex.minutiae.size() < 8)
                return where + QStringLiteral(" image shows too few minutiae (%1) to be searched").arg(ex.minutiae.size());
            const auto record = biometrics::writeFingerMinutiaeRecord(
                biometrics::makeFingerMinutiaeRecord(ex, isSingleFinger(f.position) ? int(f.position) : 0));
            derivedFingers.push_back({f.position, QByteArray(reinterpret_cast<const char*>(record.data()), qsizetype(record.size())), true, 500});
        } catch (const biometrics::BiometricError& err) {
            return where + QStringLiteral(": ") + QString::fromUtf8(err.what());
        } catch (const cv::Exception&) {
            return where + QStringLiteral(" image does not decode");
        }
    }
    std::vector<WatchlistEntry::IrisSample> derivedIrises;
    for (const auto& i : e.irises) {
        const QString where = QStringLiteral("the %1 iris").arg(toKey(i.side));
        try {
            if (i.isCode) {
                const std::vector<std::uint8_t> bytes(i.data.begin(), i.data.end());
                biometrics::IrisTemplate::deserialise(bytes);
                continue;
            }
            const cv::Mat img = decodeGrey(i.data, "iris image");
            if (hasIrisCode(i.side))
                continue;
            const auto code = biometrics::encodeIris(img).serialise();
            derivedIrises.push_back({i.side, QByteArray(reinterpret_cast<const char*>(code.data()), qsizetype(code.size())), true});
        } catch (const biometrics::BiometricError& err) {
            return where + QStringLiteral(": ") + QString::fromUtf8(err.what());
        } catch (const cv::Exception&) {
            return where + QStringLiteral(" image does not decode");
        }
    }
    e.fingers.insert(e.fingers.end(), derivedFingers.begin(), derivedFingers.end());
    e.irises.insert(e.irises.end(), derivedIrises.begin(), derivedIrises.end());
    return {};
}

} // namespace umbral::screening
