#include "devices/api/device_info.h"

#include <QJsonArray>

namespace umbral::devices {

QString toKey(Backend backend) {
    switch (backend) {
    case Backend::Simulated:
        return QStringLiteral("simulated");
    case Backend::Usb:
        return QStringLiteral("usb");
    case Backend::Uvc:
        return QStringLiteral("uvc");
    case Backend::Replay:
        return QStringLiteral("replay");
    }
    return QStringLiteral("unknown");
}

QString toKey(Modality modality) {
    return modality == Modality::Fingerprint ? QStringLiteral("fingerprint")
                                             : QStringLiteral("iris");
}

QString toKey(IrisCoverage coverage) {
    switch (coverage) {
    case IrisCoverage::Left:
        return QStringLiteral("left");
    case IrisCoverage::Right:
        return QStringLiteral("right");
    case IrisCoverage::Both:
        return QStringLiteral("both");
    }
    return QStringLiteral("unknown");
}

QString usbIdText(const DeviceInfo& info) {
    if (info.vendorId == 0 && info.productId == 0)
        return {};
    return QStringLiteral("%1:%2")
        .arg(info.vendorId, 4, 16, QLatin1Char('0'))
        .arg(info.productId, 4, 16, QLatin1Char('0'));
}

QJsonObject toJson(const DeviceInfo& info) {
    QJsonObject json{
        {QStringLiteral("id"), info.id},
        {QStringLiteral("backend"), toKey(info.backend)},
        {QStringLiteral("modality"), toKey(info.modality)},
        {QStringLiteral("model"), info.model},
        {QStringLiteral("serial"), info.serial},
        {QStringLiteral("firmware"), info.firmware},
        {QStringLiteral("location"), info.location},
    };
    if (!usbIdText(info).isEmpty())
        json.insert(QStringLiteral("usb_id"), usbIdText(info));
    if (info.fingerprint) {
        const FingerprintCapabilities& caps = *info.fingerprint;
        QJsonArray impressions;
        if (caps.singleFinger)
            impressions.append(QStringLiteral("single-finger"));
        if (caps.fourFingerSlap)
            impressions.append(QStringLiteral("four-finger-slap"));
        if (caps.twoThumbs)
            impressions.append(QStringLiteral("two-thumbs"));
        if (caps.rolled)
            impressions.append(QStringLiteral("rolled"));
        json.insert(QStringLiteral("fingerprint"),
                    QJsonObject{{QStringLiteral("impressions"), impressions},
                                {QStringLiteral("ppi"), caps.ppi},
                                {QStringLiteral("width"), caps.imageSize.width()},
                                {QStringLiteral("height"), caps.imageSize.height()},
                                {QStringLiteral("preview_rate_hz"), caps.previewRateHz}});
    }
    if (info.iris) {
        const IrisCapabilities& caps = *info.iris;
        json.insert(QStringLiteral("iris"),
                    QJsonObject{{QStringLiteral("eyes"), toKey(caps.coverage)},
                                {QStringLiteral("width"), caps.resolution.width()},
                                {QStringLiteral("height"), caps.resolution.height()},
                                {QStringLiteral("wavelength_nm"), caps.illuminationWavelengthNm},
                                {QStringLiteral("preview_rate_hz"), caps.previewRateHz}});
    }
    return json;
}

} // namespace umbral::devices
