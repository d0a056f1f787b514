#include "devices/uvc/uvc_camera.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <fcntl.h>
#include <linux/videodev2.h>
#include <opencv2/videoio.hpp>
#include <sys/ioctl.h>
#include <unistd.h>

namespace umbral::devices {

namespace {

int retryIoctl(int fd, unsigned long request, void* arg) {
    int result;
    do {
        result = ioctl(fd, request, arg);
    } while (result == -1 && errno == EINTR);
    return result;
}

// The USB ids of a video node's device, from sysfs (/sys/class/video4linux/videoN/device is the
// USB interface; its parent holds idVendor and idProduct).
void readUsbIds(UvcCameraDescription& camera) {
    const QString base = QStringLiteral("/sys/class/video4linux/%1/device/..")
                             .arg(QFileInfo(camera.node).fileName());
    const auto readHex = [](const QString& path) -> std::uint16_t {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return 0;
        return std::uint16_t(file.readAll().trimmed().toUInt(nullptr, 16));
    };
    camera.vendorId = readHex(base + QStringLiteral("/idVendor"));
    camera.productId = readHex(base + QStringLiteral("/idProduct"));
}

} // namespace

std::optional<V4l2Format> UvcCameraDescription::preferredFormat() const {
    for (V4l2Format wanted :
         {V4l2Format::Grey, V4l2Format::Y16, V4l2Format::Y12, V4l2Format::Y10, V4l2Format::Yuyv})
        for (V4l2Format offered : formats)
            if (offered == wanted)
                return wanted;
    return std::nullopt;
}

bool UvcCameraDescription::isIrisCamera() const {
    for (V4l2Format format : formats)
        if (isMonochrome(format))
            return true;
    return false;
}

std::vector<UvcCameraDescription> listUvcCameras(const QString& devDirectory) {
    std::vector<UvcCameraDescription> cameras;
    const QDir dir(devDirectory);
    const QStringList nodes =
        dir.entryList({QStringLiteral("video*")}, QDir::System | QDir::Files, QDir::Name);
    for (const QString& name : nodes) {
        UvcCameraDescription camera;
        camera.node = dir.absoluteFilePath(name);
        const int fd = ::open(QFile::encodeName(camera.node).constData(), O_RDWR | O_NONBLOCK);
        if (fd < 0)
            continue;
        v4l2_capability caps{};
        if (retryIoctl(fd, VIDIOC_QUERYCAP, &caps) == 0) {
            const std::uint32_t device =
                caps.capabilities & V4L2_CAP_DEVICE_CAPS ? caps.device_caps : caps.capabilities;
            if (device & V4L2_CAP_VIDEO_CAPTURE) {
                camera.card = QString::fromUtf8(reinterpret_cast<const char*>(caps.card));
                camera.busInfo = QString::fromUtf8(reinterpret_cast<const char*>(caps.bus_info));
                v4l2_fmtdesc format{};
                format.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
                for (format.index = 0; retryIoctl(fd, VIDIOC_ENUM_FMT, &format) == 0;
                     ++format.index)
                    if (auto known = v4l2FormatFromFourcc(format.pixelformat))
                        camera.formats.push_back(*known);
            }
        }
        ::close(fd);
        if (camera.formats.empty())
            continue;
        readUsbIds(camera);
        cameras.push_back(std::move(camera));
    }
    return cameras;
}

UvcCameraDriver::UvcCameraDriver(UvcCameraDescription description, QSize resolution)
    : description_(std::move(description)), requested_(resolution), actual_(resolution) {
    if (auto format = description_.preferredFormat())
        format_ = *format;
}

UvcCameraDriver::~UvcCameraDriver() = default;

DeviceInfo UvcCameraDriver::describe() const {
    DeviceInfo info;
    info.id = idFor(description_.node);
    info.backend = Backend::Uvc;
    info.modality = Modality::Iris;
    info.vendorId = description_.vendorId;
    info.productId = description_.productId;
    info.model = description_.card.isEmpty() ? QStringLiteral("UVC camera") : description_.card;
    info.location = description_.node;
    IrisCapabilities caps;
    // A UVC camera says nothing of its optics: one frame is taken to hold whatever eyes the
    // camera sees, and 850 nm is the usual near-infrared illumination of iris cameras.
    caps.coverage = IrisCoverage::Both;
    caps.resolution = actual_;
    caps.illuminationWavelengthNm = 850;
    caps.previewRateHz = 30;
    info.iris = caps;
    return info;
}

void UvcCameraDriver::open(OperationContext& context) {
    const QByteArray node = QFile::encodeName(description_.node);
    if (!QFile::exists(description_.node))
        throw DeviceError(DeviceErrorCode::Removed, idFor(description_.node),
                          QStringLiteral("%1 is not present any more").arg(description_.node));
    if (::access(node.constData(), R_OK | W_OK) != 0)
        throw DeviceError(DeviceErrorCode::AccessDenied, idFor(description_.node),
                          QStringLiteral("no permission to open %1: add the station user to the "
                                         "'video' group (or give the camera a uaccess udev rule)")
                              .arg(description_.node));
    capture_ = std::make_unique<cv::VideoCapture>();
    if (!capture_->open(std::string(node.constData()), cv::CAP_V4L2))
        throw DeviceError(
            DeviceErrorCode::Io, idFor(description_.node),
            QStringLiteral("OpenCV could not open %1 with V4L2").arg(description_.node));
    // Raw buffers: OpenCV would turn grey into 8-bit BGR and lose the 16-bit depth.
    const std::uint32_t fourcc = fourccOf(format_);
    capture_->set(cv::CAP_PROP_FOURCC, double(fourcc));
    capture_->set(cv::CAP_PROP_FRAME_WIDTH, requested_.width());
    capture_->set(cv::CAP_PROP_FRAME_HEIGHT, requested_.height());
    capture_->set(cv::CAP_PROP_CONVERT_RGB, 0);
    actual_ = QSize(int(capture_->get(cv::CAP_PROP_FRAME_WIDTH)),
                    int(capture_->get(cv::CAP_PROP_FRAME_HEIGHT)));
    const auto granted = v4l2FormatFromFourcc(std::uint32_t(capture_->get(cv::CAP_PROP_FOURCC)));
    if (granted)
        format_ = *granted;
    context.log().info(QStringLiteral("opened %1: %2x%3, %4-bit")
                           .arg(description_.node)
                           .arg(actual_.width())
                           .arg(actual_.height())
                           .arg(significantBits(format_)));
}

void UvcCameraDriver::close() noexcept {
    capture_.reset();
}

cv::Mat UvcCameraDriver::nextFrame() {
    cv::Mat raw;
    if (!capture_->grab() || !capture_->retrieve(raw) || raw.empty()) {
        if (!QFile::exists(description_.node))
            throw DeviceError(DeviceErrorCode::Removed, idFor(description_.node),
                              QStringLiteral("%1 was unplugged").arg(description_.node));
        throw DeviceError(DeviceErrorCode::NoResponse, idFor(description_.node),
                          QStringLiteral("%1 delivered no frame").arg(description_.node));
    }
    try {
        return decodeV4l2Frame(raw, format_, actual_.width(), actual_.height());
    } catch (const std::invalid_argument& error) {
        throw DeviceError(DeviceErrorCode::Protocol, idFor(description_.node),
                          QString::fromUtf8(error.what()));
    }
}

void UvcCameraDriver::preview(const CaptureSpec&, OperationContext& context) {
    while (!context.leaveRequested())
        context.publish(nextFrame(), 0);
}

cv::Mat UvcCameraDriver::capture(const CaptureSpec&, OperationContext& context) {
    context.throwIfInterrupted();
    return nextFrame();
}

} // namespace umbral::devices
