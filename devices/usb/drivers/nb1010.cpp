#include "devices/usb/drivers/nb1010.h"

#include "devices/usb/usb_context.h"

#include <cstring>

namespace umbral::devices::nb1010 {

namespace {

// Protocol facts, from the libfprint recording of a real NB-1010-U (shared/data/usb/nb1010)
// and libfprint's driver notes:
// - commands go to bulk OUT 0x02, replies and image data come from bulk IN 0x83;
// - every message starts with 0x80, byte 1 is the command (or reply) code, byte 2 a sequence
//   number the device echoes without checking, bytes 4..7 the message length (little-endian);
// - command replies are 16 bytes; byte 12 of the finger-check reply is the finger level
//   (libfprint counts a finger as present above 0x30);
// - after the capture command the image arrives as 90 chunks of 540 bytes: a 25-byte header
//   (code 0x21, length 540, and at bytes 16..19 the index of the second line it carries:
//   1, 3, 5, ...), two 256-pixel lines, and 3 padding bytes.
constexpr std::uint8_t kEndpointOut = 0x02;
constexpr std::uint8_t kEndpointIn = 0x83;
constexpr std::uint8_t kMagic = 0x80;
constexpr std::size_t kReplyLength = 16;
constexpr std::size_t kChunkLength = 540;
constexpr std::size_t kChunkHeader = 25;
constexpr int kLinesPerChunk = 2;
constexpr int kChunks = kHeight / kLinesPerChunk;
constexpr std::uint8_t kReplyFinger = 0x37;
constexpr std::uint8_t kReplyAck = 0x20;
constexpr std::uint8_t kChunkCode = 0x21;
constexpr std::size_t kFingerLevelByte = 12;
constexpr int kFingerPresentAbove = 0x30;

// The sequence numbers are fixed, as in the recorded traffic: the device does not check them,
// and identical bytes let recordings of the real device be replayed against this driver.
constexpr std::array<std::uint8_t, 8> kCheckFinger{0x80, 0x38, 0x01, 0x00, 0x08, 0x00, 0x00, 0x00};
constexpr std::array<std::uint8_t, 12> kPreCapture{0x80, 0x0d, 0x03, 0x00, 0x0c, 0x00,
                                                   0x00, 0x00, 0x00, 0x04, 0x00, 0x00};
constexpr std::array<std::uint8_t, 32> kCapture{
    0x80, 0x12, 0x04, 0x00, 0x20, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x20, 0x00, 0x00, 0x00};

std::uint32_t le32(const std::uint8_t* bytes) {
    return std::uint32_t(bytes[0]) | std::uint32_t(bytes[1]) << 8 | std::uint32_t(bytes[2]) << 16 |
           std::uint32_t(bytes[3]) << 24;
}

QString hex(std::uint8_t value) {
    return QStringLiteral("0x%1").arg(value, 2, 16, QLatin1Char('0'));
}

} // namespace

struct Nb1010Driver::Reply {
    std::array<std::uint8_t, kReplyLength> bytes{};
};

Nb1010Driver::Nb1010Driver(std::shared_ptr<UsbContext> context, UsbDeviceRef device,
                           QString deviceId, Timing timing)
    : context_(std::move(context)), device_(std::move(device)), deviceId_(std::move(deviceId)),
      timing_(timing) {}

Nb1010Driver::~Nb1010Driver() = default;

DeviceInfo Nb1010Driver::describe() const {
    DeviceInfo info;
    info.id = deviceId_;
    info.backend = Backend::Usb;
    info.modality = Modality::Fingerprint;
    info.vendorId = device_.vendorId();
    info.productId = device_.productId();
    info.model = QString::fromLatin1(kUsbIds[0].model.data(), qsizetype(kUsbIds[0].model.size()));
    const std::uint16_t bcd = device_.bcdDevice();
    info.firmware =
        QStringLiteral("%1.%2").arg(bcd >> 8, 0, 16).arg(bcd & 0xff, 2, 16, QLatin1Char('0'));
    info.location = device_.nodePath();
    FingerprintCapabilities caps;
    caps.singleFinger = true;
    caps.ppi = kPpi;
    caps.imageSize = QSize(kWidth, kHeight);
    // One image takes about 50 ms on the wire; with the finger checks in between the live
    // preview gives a few frames a second.
    caps.previewRateHz = 5;
    info.fingerprint = caps;
    return info;
}

void Nb1010Driver::open(OperationContext& context) {
    session_ = std::make_unique<UsbSession>(device_, 0, deviceId_, describe().model);
    fingerOffPending_ = false;
    imageInterrupted_ = false;
    context.log().info(QStringLiteral("NB-1010-U opened at %1").arg(device_.nodePath()));
}

void Nb1010Driver::close() noexcept {
    session_.reset();
}

Nb1010Driver::Reply Nb1010Driver::command(std::span<const std::uint8_t> bytes,
                                          std::uint8_t expectedReplyCode, const char* what,
                                          OperationContext& context) {
    if (imageInterrupted_)
        drainAfterInterruptedImage(context);
    session_->write(kEndpointOut, bytes, timing_.transfer, context, what);
    Reply reply;
    // Exactly the reply size is asked for (as the recording does): a longer answer ends the
    // transfer as an overflow (a Protocol error), a shorter one is caught below.
    std::array<std::uint8_t, kReplyLength> buffer{};
    const int got = session_->read(kEndpointIn, buffer, timing_.transfer, context, what);
    const QString step = QString::fromLatin1(what);
    if (got != int(kReplyLength))
        throw DeviceError(DeviceErrorCode::Protocol, deviceId_,
                          QStringLiteral("%1: the NB-1010 replied %2 bytes, expected %3")
                              .arg(step)
                              .arg(got)
                              .arg(kReplyLength));
    std::copy_n(buffer.begin(), kReplyLength, reply.bytes.begin());
    const auto& r = reply.bytes;
    if (r[0] != kMagic || r[1] != expectedReplyCode || r[2] != bytes[2] ||
        le32(&r[4]) != kReplyLength)
        throw DeviceError(DeviceErrorCode::Protocol, deviceId_,
                          QStringLiteral("%1: malformed reply (starts %2 %3 %4, expected %5 %6 %7)")
                              .arg(step, hex(r[0]), hex(r[1]), hex(r[2]), hex(kMagic),
                                   hex(expectedReplyCode), hex(bytes[2])));
    return reply;
}

int Nb1010Driver::checkFinger(OperationContext& context) {
    const Reply reply = command(kCheckFinger, kReplyFinger, "finger check", context);
    return reply.bytes[kFingerLevelByte];
}

void Nb1010Driver::awaitFinger(bool present, OperationContext& context) {
    const TravelerFeedback asking =
        present ? TravelerFeedback::PlaceFinger : TravelerFeedback::RemoveFinger;
    for (;;) {
        const bool fingerOn = checkFinger(context) > kFingerPresentAbove;
        if (fingerOn == present)
            return;
        context.feedback(asking);
        if (context.deadlinePassed())
            throw DeviceError(DeviceErrorCode::CaptureTimeout, deviceId_,
                              present ? QStringLiteral("no finger was placed on the NB-1010")
                                      : QStringLiteral("the finger was not lifted from the "
                                                       "NB-1010 after the last capture"));
        context.waitFor(timing_.fingerPoll);
        context.throwIfInterrupted();
    }
}

void Nb1010Driver::drainAfterInterruptedImage(OperationContext& context) {
    // An image read cut short leaves the rest of the chunks queued in the device; read and drop
    // them until the endpoint is quiet, so the next reply is a reply.
    std::array<std::uint8_t, kChunkLength> chunk{};
    for (int i = 0; i < kChunks; ++i) {
        try {
            session_->read(kEndpointIn, chunk, std::chrono::milliseconds(100), context,
                           "draining image chunks");
        } catch (const DeviceError& error) {
            if (error.code() == DeviceErrorCode::NoResponse)
                break;
            throw;
        }
    }
    imageInterrupted_ = false;
}

cv::Mat Nb1010Driver::readImage(OperationContext& context) {
    command(kPreCapture, kReplyAck, "pre-capture command", context);
    command(kCapture, kReplyAck, "capture command", context);
    cv::Mat image(kHeight, kWidth, CV_8UC1);
    std::array<std::uint8_t, kChunkLength> chunk{};
    imageInterrupted_ = true; // until the last chunk is in
    for (int i = 0; i < kChunks; ++i) {
        const int got =
            session_->read(kEndpointIn, chunk, timing_.transfer, context, "image chunk");
        if (got != int(kChunkLength))
            throw DeviceError(DeviceErrorCode::Protocol, deviceId_,
                              QStringLiteral("image chunk %1 of %2: the NB-1010 sent %3 bytes, "
                                             "expected %4")
                                  .arg(i + 1)
                                  .arg(kChunks)
                                  .arg(got)
                                  .arg(kChunkLength));
        const std::uint32_t line = le32(&chunk[16]);
        if (chunk[0] != kMagic || chunk[1] != kChunkCode || le32(&chunk[4]) != kChunkLength ||
            line != std::uint32_t(i * kLinesPerChunk + 1))
            throw DeviceError(DeviceErrorCode::Protocol, deviceId_,
                              QStringLiteral("image chunk %1 of %2 is malformed or out of order "
                                             "(code %3, line %4)")
                                  .arg(i + 1)
                                  .arg(kChunks)
                                  .arg(hex(chunk[1]))
                                  .arg(line));
        std::memcpy(image.ptr(i * kLinesPerChunk), chunk.data() + kChunkHeader,
                    std::size_t(kLinesPerChunk * kWidth));
    }
    imageInterrupted_ = false;
    return image;
}

void Nb1010Driver::preview(const CaptureSpec&, OperationContext& context) {
    while (!context.leaveRequested()) {
        if (checkFinger(context) <= kFingerPresentAbove) {
            context.feedback(TravelerFeedback::PlaceFinger);
            context.waitFor(timing_.fingerPoll);
            continue;
        }
        context.feedback(TravelerFeedback::None);
        context.publish(readImage(context), kPpi);
    }
}

cv::Mat Nb1010Driver::capture(const CaptureSpec&, OperationContext& context) {
    if (fingerOffPending_) {
        awaitFinger(false, context);
        fingerOffPending_ = false;
    }
    awaitFinger(true, context);
    context.feedback(TravelerFeedback::None);
    cv::Mat image = readImage(context);
    fingerOffPending_ = true;
    context.log().info(QStringLiteral("NB-1010 image read"));
    return image;
}

std::unique_ptr<DeviceDriver> createDriver(const UsbDriverArgs& args) {
    return std::make_unique<Nb1010Driver>(args.context, args.device, args.deviceId);
}

} // namespace umbral::devices::nb1010
