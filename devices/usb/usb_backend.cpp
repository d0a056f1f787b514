#include "devices/usb/usb_backend.h"

#include "devices/api/device_log.h"

namespace umbral::devices {

UsbBackend::UsbBackend(QObject* parent)
    : DeviceBackend(parent), context_(std::make_shared<UsbContext>()) {}

UsbBackend::~UsbBackend() {
    // Devices still held elsewhere keep the context (and its event thread) alive; this backend
    // only stops listening.
    context_->unwatch();
}

std::optional<UsbBackend::Present> UsbBackend::recognise(const UsbDeviceRef& device) const {
    const auto [driver, id] = findUsbDriver(device.vendorId(), device.productId());
    if (!driver)
        return std::nullopt;
    Present present;
    present.driver = driver;
    present.args.context = context_;
    present.args.device = device;
    present.args.deviceId = QStringLiteral("usb:") + device.portPath();
    present.args.id = id;
    // describe() does no I/O: a driver instance made only to describe the device is cheap.
    present.info = driver->create(present.args)->describe();
    return present;
}

void UsbBackend::start() {
    if (started_)
        return;
    started_ = true;
    // Watch first, then list: a device plugged in between is reported twice at worst, and the
    // duplicate is ignored below.
    context_->watch(
        [this](UsbHotplugEvent event, const UsbDeviceRef& device) { onHotplug(event, device); });
    for (const UsbDeviceRef& device : context_->presentDevices())
        onHotplug(UsbHotplugEvent::Arrived, device);
}

void UsbBackend::onHotplug(UsbHotplugEvent event, const UsbDeviceRef& device) {
    if (event == UsbHotplugEvent::Arrived) {
        std::optional<Present> present = recognise(device);
        if (!present)
            return;
        {
            std::lock_guard lock(mutex_);
            for (const Present& known : present_)
                if (known.info.id == present->info.id)
                    return;
            present_.push_back(*present);
        }
        qCInfo(lcDevices).noquote()
            << QStringLiteral("[%1]").arg(present->info.id) << "arrived:" << present->info.model
            << "at" << present->info.location;
        Q_EMIT deviceArrived(present->info);
        return;
    }
    QString gone;
    {
        std::lock_guard lock(mutex_);
        for (auto it = present_.begin(); it != present_.end(); ++it) {
            // libusb hands back the same libusb_device it announced; bus and address are the
            // fallback for the polling mode.
            const UsbDeviceRef& known = it->args.device;
            if (known.get() == device.get() ||
                (known.bus() == device.bus() && known.address() == device.address())) {
                gone = it->info.id;
                present_.erase(it);
                break;
            }
        }
    }
    if (gone.isEmpty())
        return;
    qCInfo(lcDevices).noquote() << QStringLiteral("[%1]").arg(gone) << "removed";
    reportRemoval(gone);
}

QList<DeviceInfo> UsbBackend::devices() const {
    std::lock_guard lock(mutex_);
    QList<DeviceInfo> infos;
    for (const Present& present : present_)
        infos.append(present.info);
    return infos;
}

std::shared_ptr<Device> UsbBackend::createDevice(const QString& id) {
    std::optional<Present> found;
    {
        std::lock_guard lock(mutex_);
        for (const Present& present : present_)
            if (present.info.id == id)
                found = present;
    }
    if (!found)
        return nullptr;
    return makeDevice(found->driver->create(found->args));
}

} // namespace umbral::devices
