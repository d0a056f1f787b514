#include "devices/usb/usb_session.h"

#include <algorithm>
#include <condition_variable>
#include <libusb.h>
#include <mutex>
#include <optional>

namespace umbral::devices {

namespace {

using Clock = std::chrono::steady_clock;

// How long a transfer may stay unanswered after its own timeout or an interruption before it is
// given up for lost (libusb normally reports both within milliseconds).
constexpr auto kGraceAfterTimeout = std::chrono::milliseconds(1000);
constexpr auto kGraceAfterInterrupt = std::chrono::milliseconds(300);

DeviceError openError(int code, const QString& deviceId, const QString& model,
                      const UsbDeviceRef& device) {
    switch (code) {
    case LIBUSB_ERROR_ACCESS:
        return DeviceError(
            DeviceErrorCode::AccessDenied, deviceId,
            accessDeniedMessage(model, device.nodePath(), device.vendorId(), device.productId()));
    case LIBUSB_ERROR_NO_DEVICE:
        return DeviceError(DeviceErrorCode::Removed, deviceId,
                           QStringLiteral("%1 was unplugged before it could be opened").arg(model));
    case LIBUSB_ERROR_NOT_FOUND:
        return DeviceError(DeviceErrorCode::NotFound, deviceId,
                           QStringLiteral("%1 is not present any more").arg(model));
    case LIBUSB_ERROR_BUSY:
        return DeviceError(
            DeviceErrorCode::Busy, deviceId,
            QStringLiteral("%1 is in use by another program (is fprintd running?)").arg(model));
    default:
        return DeviceError(
            DeviceErrorCode::Io, deviceId,
            QStringLiteral("cannot open %1 at %2: %3")
                .arg(model, device.nodePath(), QString::fromUtf8(libusb_strerror(code))));
    }
}

} // namespace

QString accessDeniedMessage(const QString& model, const QString& node, std::uint16_t vendorId,
                            std::uint16_t productId) {
    return QStringLiteral("no permission to open %1 at %2 (USB %3:%4). Install the udev rule %5 "
                          "(the umbral package puts it in /usr/lib/udev/rules.d/), run "
                          "'udevadm control --reload && udevadm trigger', then unplug and "
                          "re-plug the device")
        .arg(model, node)
        .arg(vendorId, 4, 16, QLatin1Char('0'))
        .arg(productId, 4, 16, QLatin1Char('0'))
        .arg(QString::fromLatin1(kUdevRuleFileName));
}

struct UsbSession::Pending {
    std::mutex mutex;
    std::condition_variable finished;
    bool done = false;
    libusb_transfer* transfer = nullptr;
    std::vector<std::uint8_t> buffer;

    ~Pending() {
        if (transfer)
            libusb_free_transfer(transfer);
    }
};

UsbSession::UsbSession(const UsbDeviceRef& device, int interfaceNumber, const QString& deviceId,
                       const QString& model)
    : interface_(interfaceNumber), deviceId_(deviceId) {
    const int opened = libusb_open(device.get(), &handle_);
    if (opened != LIBUSB_SUCCESS)
        throw openError(opened, deviceId, model, device);
    const int claimed = libusb_claim_interface(handle_, interface_);
    if (claimed != LIBUSB_SUCCESS) {
        libusb_close(handle_);
        handle_ = nullptr;
        if (claimed == LIBUSB_ERROR_BUSY)
            throw DeviceError(DeviceErrorCode::Busy, deviceId,
                              QStringLiteral("interface %1 of %2 is claimed by another program or "
                                             "kernel driver")
                                  .arg(interfaceNumber)
                                  .arg(model));
        throw openError(claimed, deviceId, model, device);
    }
}

UsbSession::~UsbSession() {
    if (!handle_)
        return;
    libusb_release_interface(handle_, interface_);
    // Closing removes transfers libusb still counts as in flight; only then may they be freed.
    libusb_close(handle_);
    abandoned_.clear();
}

void UsbSession::write(std::uint8_t endpoint, std::span<const std::uint8_t> data,
                       std::chrono::milliseconds timeout, OperationContext& context,
                       const char* what) {
    std::vector<std::uint8_t> copy(data.begin(), data.end());
    const int sent = transfer(endpoint, copy, timeout, context, what);
    if (sent != int(data.size()))
        throw DeviceError(DeviceErrorCode::Protocol, deviceId_,
                          QStringLiteral("%1: sent %2 of %3 bytes")
                              .arg(QString::fromLatin1(what))
                              .arg(sent)
                              .arg(data.size()));
}

int UsbSession::read(std::uint8_t endpoint, std::span<std::uint8_t> buffer,
                     std::chrono::milliseconds timeout, OperationContext& context,
                     const char* what) {
    return transfer(endpoint, buffer, timeout, context, what);
}

int UsbSession::transfer(std::uint8_t endpoint, std::span<std::uint8_t> buffer,
                         std::chrono::milliseconds timeout, OperationContext& context,
                         const char* what) {
    context.throwIfInterrupted();
    const QString step = QString::fromLatin1(what);
    auto pending = std::make_unique<Pending>();
    pending->buffer.assign(buffer.begin(), buffer.end());
    pending->transfer = libusb_alloc_transfer(0);
    if (!pending->transfer)
        throw DeviceError(DeviceErrorCode::Io, deviceId_, QStringLiteral("out of memory"));
    libusb_fill_bulk_transfer(
        pending->transfer, handle_, endpoint, pending->buffer.data(), int(pending->buffer.size()),
        [](libusb_transfer* transfer) {
            auto* self = static_cast<Pending*>(transfer->user_data);
            {
                std::lock_guard lock(self->mutex);
                self->done = true;
            }
            self->finished.notify_all();
        },
        pending.get(), unsigned(timeout.count()));

    const int submitted = libusb_submit_transfer(pending->transfer);
    if (submitted == LIBUSB_ERROR_NO_DEVICE)
        throw DeviceError(DeviceErrorCode::Removed, deviceId_,
                          QStringLiteral("%1: the device has gone").arg(step));
    if (submitted != LIBUSB_SUCCESS)
        throw DeviceError(DeviceErrorCode::Io, deviceId_,
                          QStringLiteral("%1: cannot submit the transfer: %2")
                              .arg(step, QString::fromUtf8(libusb_strerror(submitted))));

    libusb_transfer* raw = pending->transfer;
    context.setInterruptHook([raw] { libusb_cancel_transfer(raw); });
    const auto started = Clock::now();
    std::optional<Clock::time_point> interruptedAt;
    bool done = false;
    {
        std::unique_lock lock(pending->mutex);
        for (;;) {
            done = pending->finished.wait_for(lock, std::chrono::milliseconds(20),
                                              [&] { return pending->done; });
            if (done)
                break;
            const auto now = Clock::now();
            if (!interruptedAt && context.interrupted())
                interruptedAt = now;
            if (interruptedAt ? now - *interruptedAt > kGraceAfterInterrupt
                              : now - started > timeout + kGraceAfterTimeout)
                break;
        }
    }
    context.clearInterruptHook();

    if (!done) {
        // libusb neither completed nor cancelled the transfer: the device vanished and the
        // cancellation could not reach it. Keep the transfer (libusb still owns it) until the
        // handle is closed, and report what happened.
        libusb_cancel_transfer(raw);
        abandoned_.push_back(std::move(pending));
        if (interruptedAt)
            throw OperationInterrupted{};
        throw DeviceError(
            DeviceErrorCode::NoResponse, deviceId_,
            QStringLiteral("%1: no answer and the transfer could not be cancelled").arg(step));
    }

    const int actual = raw->actual_length;
    switch (raw->status) {
    case LIBUSB_TRANSFER_COMPLETED:
        if (endpoint & LIBUSB_ENDPOINT_IN)
            std::copy_n(pending->buffer.begin(), actual, buffer.begin());
        return actual;
    case LIBUSB_TRANSFER_TIMED_OUT:
        throw DeviceError(DeviceErrorCode::NoResponse, deviceId_,
                          QStringLiteral("%1: the device did not answer within %2 ms")
                              .arg(step)
                              .arg(timeout.count()));
    case LIBUSB_TRANSFER_CANCELLED:
        if (context.interrupted())
            throw OperationInterrupted{};
        throw DeviceError(DeviceErrorCode::Io, deviceId_,
                          QStringLiteral("%1: the transfer was cancelled").arg(step));
    case LIBUSB_TRANSFER_NO_DEVICE:
        throw DeviceError(DeviceErrorCode::Removed, deviceId_,
                          QStringLiteral("%1: the device has gone").arg(step));
    case LIBUSB_TRANSFER_STALL:
        throw DeviceError(DeviceErrorCode::Protocol, deviceId_,
                          QStringLiteral("%1: the endpoint stalled").arg(step));
    case LIBUSB_TRANSFER_OVERFLOW:
        throw DeviceError(
            DeviceErrorCode::Protocol, deviceId_,
            QStringLiteral("%1: the device sent more than %2 bytes").arg(step).arg(buffer.size()));
    default:
        throw DeviceError(DeviceErrorCode::Io, deviceId_,
                          QStringLiteral("%1: transfer failed").arg(step));
    }
}

} // namespace umbral::devices
