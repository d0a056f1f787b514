#include "app/services/device_admin_service.h"

#include "app/core/errors.h"
#include "app/services/access.h"
#include "devices/api/device_manager.h"
#include "storage/station_store.h"

namespace umbral::services {

QList<devices::DeviceInfo> DeviceAdminService::list(const Actor& actor) const {
    require(actor, Permission::ManageDevices, "list devices");
    return manager_.devices();
}

std::optional<devices::DeviceInfo> DeviceAdminService::details(const Actor& actor,
                                                               const QString& id) const {
    require(actor, Permission::ManageDevices, "see device details");
    if (const auto device = manager_.find(id))
        return device;
    return std::nullopt;
}

std::shared_ptr<devices::Device> DeviceAdminService::deviceForTestCapture(const Actor& actor,
                                                                          const QString& id) {
    require(actor, Permission::ManageDevices, "test devices");
    auto device = manager_.device(id);
    if (!device)
        throw Error(ErrorCode::NotFound, QStringLiteral("no device %1 is connected").arg(id));
    return device;
}

devices::CaptureSpec DeviceAdminService::testCaptureSpec(const devices::DeviceInfo& info,
                                                         std::chrono::milliseconds timeout) {
    using namespace devices;
    if (info.modality == devices::Modality::Iris)
        return CaptureSpec::iris(info.iris && info.iris->coverage == IrisCoverage::Right
                                     ? IrisEye::Right
                                     : IrisEye::Left,
                                 timeout);
    if (!info.fingerprint || info.fingerprint->singleFinger)
        return CaptureSpec::singleFinger(FingerPosition::RightIndex, timeout);
    if (info.fingerprint->fourFingerSlap)
        return CaptureSpec::fingerprint(FingerprintImpression::RightSlap, timeout);
    if (info.fingerprint->twoThumbs)
        return CaptureSpec::fingerprint(FingerprintImpression::TwoThumbs, timeout);
    return CaptureSpec::fingerprint(FingerprintImpression::Rolled, timeout);
}

void DeviceAdminService::auditTestCapture(storage::StationStore& store, const Actor& actor,
                                          const QString& deviceId, const QString& outcome) {
    require(actor, Permission::ManageDevices, "test devices");
    storage::Transaction tx(store.db());
    store.audit().append(actor.name, QStringLiteral("device.test-capture"), deviceId, outcome);
    tx.commit();
}

} // namespace umbral::services
