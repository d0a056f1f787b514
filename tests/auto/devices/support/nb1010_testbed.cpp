#include "tests/auto/devices/support/nb1010_testbed.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <deque>
#include <filesystem>
#include <linux/ioctl.h>
#include <linux/usbdevice_fs.h>
#include <mutex>
#include <stdexcept>
#include <sys/stat.h>
#include <umockdev.h>
#include <unistd.h>

namespace umbral::devices::testing {

namespace {

constexpr std::uint8_t kEndpointOut = 0x02;
constexpr std::uint8_t kEndpointIn = 0x83;
constexpr int kChunkLength = 540;
constexpr uid_t kNobody = 65534;
const char* const kSysfsPath = "/sys/devices/pci0000:00/0000:00:01.3/0000:02:00.0/usb1/1-7";

struct Urb {
    UMockdevIoctlData* data = nullptr; // our reference to the client's URB
    std::uint8_t endpoint = 0;
    int length = 0;
    int status = 0;
    std::vector<std::uint8_t> payload; // what the device sent (IN) when completed
};

std::vector<std::uint8_t> message(std::uint8_t code, std::uint8_t sequence, std::size_t length) {
    std::vector<std::uint8_t> bytes(length, 0);
    bytes[0] = 0x80;
    bytes[1] = code;
    bytes[2] = sequence;
    bytes[4] = std::uint8_t(length & 0xff);
    bytes[5] = std::uint8_t(length >> 8);
    return bytes;
}

} // namespace

struct Nb1010Testbed::State {
    UMockdevTestbed* testbed = nullptr;
    UMockdevIoctlBase* handler = nullptr;
    std::string root;

    mutable std::mutex mutex;
    Reply reply = Reply::Normal;
    bool fingerPresent = true;
    bool holdImage = false;
    bool unplugged = false;
    bool dead = false;
    bool privilegesDropped = false;
    bool hubAdded = false;
    bool attached = false;
    std::deque<std::vector<std::uint8_t>> output; // what the device will send next
    std::deque<std::vector<std::uint8_t>> held;   // image chunks held back
    std::deque<Urb> flying;                       // IN URBs waiting for data
    std::deque<Urb> done;                         // URBs to be reaped

    // Everything below runs on umockdev's worker thread with `mutex` held.

    void respond(const std::vector<std::uint8_t>& command) {
        if (command.size() < 3 || command[0] != 0x80 || reply == Reply::Silent)
            return;
        const std::size_t replyLength = reply == Reply::WrongLength ? 10 : 16;
        const std::uint8_t sequence = command[2];
        switch (command[1]) {
        case 0x38: { // finger check
            auto answer = message(0x37, sequence, 16);
            answer[12] = fingerPresent ? 0xf7 : 0x00;
            answer.resize(replyLength);
            output.push_back(answer);
            break;
        }
        case 0x0d: { // pre-capture
            auto answer = message(0x20, sequence, 16);
            answer.resize(replyLength);
            output.push_back(answer);
            break;
        }
        case 0x12: { // capture: the acknowledgement, then the image in 90 chunks
            auto answer = message(0x20, sequence, 16);
            answer.resize(replyLength);
            output.push_back(answer);
            const std::vector<std::uint8_t> image = sensorImage();
            for (int chunk = 0; chunk < 90; ++chunk) {
                auto bytes = message(0x21, 0, kChunkLength);
                bytes[12] = 1;
                bytes[16] = std::uint8_t(2 * chunk + 1);
                bytes[24] = 1;
                std::copy_n(image.begin() + chunk * 512, 512, bytes.begin() + 25);
                (holdImage ? held : output).push_back(std::move(bytes));
            }
            break;
        }
        default:
            break;
        }
    }

    void pump() {
        while (!flying.empty() && !output.empty()) {
            Urb urb = std::move(flying.front());
            flying.pop_front();
            std::vector<std::uint8_t> bytes = std::move(output.front());
            output.pop_front();
            if (int(bytes.size()) > urb.length) {
                bytes.resize(std::size_t(urb.length));
                urb.status = -EOVERFLOW;
            }
            urb.payload = std::move(bytes);
            done.push_back(std::move(urb));
        }
    }

    bool handle(UMockdevIoctlClient* client) {
        const unsigned long request = umockdev_ioctl_client_get_request(client);
        UMockdevIoctlData* arg = umockdev_ioctl_client_get_arg(client);
        std::lock_guard lock(mutex);
        switch (request) {
        case USBDEVFS_GET_CAPABILITIES: {
            UMockdevIoctlData* caps =
                umockdev_ioctl_data_resolve(arg, 0, sizeof(std::uint32_t), nullptr);
            const std::uint32_t value = USBDEVFS_CAP_BULK_CONTINUATION |
                                        USBDEVFS_CAP_NO_PACKET_SIZE_LIM |
                                        USBDEVFS_CAP_REAP_AFTER_DISCONNECT;
            std::memcpy(caps->data, &value, sizeof value);
            umockdev_ioctl_data_unref(caps);
            umockdev_ioctl_client_complete(client, 0, 0);
            return true;
        }
        case USBDEVFS_CLAIMINTERFACE:
        case USBDEVFS_RELEASEINTERFACE:
        case USBDEVFS_CLEAR_HALT:
        case USBDEVFS_RESETEP:
            if (unplugged)
                umockdev_ioctl_client_complete(client, -1, ENODEV);
            else
                umockdev_ioctl_client_complete(client, 0, 0);
            return true;
        case USBDEVFS_SUBMITURB: {
            if (unplugged) {
                umockdev_ioctl_client_complete(client, -1, ENODEV);
                return true;
            }
            UMockdevIoctlData* urbData =
                umockdev_ioctl_data_resolve(arg, 0, sizeof(usbdevfs_urb), nullptr);
            auto* urb = reinterpret_cast<usbdevfs_urb*>(urbData->data);
            UMockdevIoctlData* buffer = umockdev_ioctl_data_resolve(
                urbData, offsetof(usbdevfs_urb, buffer), std::size_t(urb->buffer_length), nullptr);
            if (urb->type != USBDEVFS_URB_TYPE_BULK ||
                (urb->endpoint != kEndpointOut && urb->endpoint != kEndpointIn)) {
                umockdev_ioctl_data_unref(buffer);
                umockdev_ioctl_data_unref(urbData);
                umockdev_ioctl_client_complete(client, -1, EINVAL);
                return true;
            }
            Urb entry{urbData, urb->endpoint, urb->buffer_length, 0, {}};
            if (urb->endpoint == kEndpointOut) {
                const auto* bytes = static_cast<const std::uint8_t*>(urb->buffer);
                respond(std::vector<std::uint8_t>(bytes, bytes + urb->buffer_length));
                entry.payload.assign(std::size_t(urb->buffer_length), 0); // all sent
                done.push_back(std::move(entry));
            } else {
                flying.push_back(std::move(entry));
            }
            umockdev_ioctl_data_unref(buffer);
            pump();
            umockdev_ioctl_client_complete(client, 0, 0);
            return true;
        }
        case USBDEVFS_REAPURB:
        case USBDEVFS_REAPURBNDELAY: {
            if (done.empty()) {
                umockdev_ioctl_client_complete(client, -1, unplugged && !dead ? ENODEV : EAGAIN);
                return true;
            }
            Urb urb = std::move(done.front());
            done.pop_front();
            auto* raw = reinterpret_cast<usbdevfs_urb*>(urb.data->data);
            raw->status = urb.status;
            raw->actual_length = int(urb.payload.size());
            if (urb.endpoint & 0x80)
                std::copy(urb.payload.begin(), urb.payload.end(),
                          static_cast<std::uint8_t*>(raw->buffer));
            UMockdevIoctlData* pointer =
                umockdev_ioctl_data_resolve(arg, 0, sizeof(void*), nullptr);
            umockdev_ioctl_data_set_ptr(pointer, 0, urb.data);
            umockdev_ioctl_data_unref(pointer);
            umockdev_ioctl_data_unref(urb.data);
            umockdev_ioctl_client_complete(client, 0, 0);
            return true;
        }
        case USBDEVFS_DISCARDURB: {
            if (dead) {
                umockdev_ioctl_client_complete(client, -1, ENODEV);
                return true;
            }
            const auto address =
                reinterpret_cast<unsigned long>(*reinterpret_cast<void**>(arg->data));
            auto found = std::find_if(flying.begin(), flying.end(), [&](const Urb& urb) {
                return urb.data->client_addr == address;
            });
            if (found == flying.end()) {
                umockdev_ioctl_client_complete(client, -1, EINVAL);
                return true;
            }
            Urb urb = std::move(*found);
            flying.erase(found);
            urb.status = -ENOENT;
            done.push_back(std::move(urb));
            umockdev_ioctl_client_complete(client, 0, 0);
            return true;
        }
        default:
            return false;
        }
    }
};

namespace {

gboolean onIoctl(UMockdevIoctlBase*, UMockdevIoctlClient* client, gpointer state) {
    return static_cast<Nb1010Testbed::State*>(state)->handle(client) ? TRUE : FALSE;
}

void chownTree(const std::string& root, uid_t uid, gid_t gid) {
    namespace fs = std::filesystem;
    lchown(root.c_str(), uid, gid);
    for (const auto& entry : fs::recursive_directory_iterator(root))
        lchown(entry.path().c_str(), uid, gid);
}

} // namespace

Nb1010Testbed::Nb1010Testbed() : state_(std::make_unique<State>()) {
    state_->testbed = umockdev_testbed_new();
    // Only true once a test bed exists (it compares /sys with the test bed's).
    if (!umockdev_in_mock_environment())
        throw std::runtime_error("not running under umockdev's preload library "
                                 "(run the test with umockdev-wrapper, as ctest does)");
    gchar* root = umockdev_testbed_get_root_dir(state_->testbed);
    state_->root = root;
    g_free(root);
    state_->handler = umockdev_ioctl_base_new();
    g_signal_connect_after(state_->handler, "handle-ioctl", G_CALLBACK(onIoctl), state_.get());
}

Nb1010Testbed::~Nb1010Testbed() {
    restorePrivileges();
    g_clear_object(&state_->handler);
    g_clear_object(&state_->testbed);
    for (Urb& urb : state_->flying)
        umockdev_ioctl_data_unref(urb.data);
    for (Urb& urb : state_->done)
        umockdev_ioctl_data_unref(urb.data);
}

void Nb1010Testbed::plug() {
    {
        // A new device: transfers of the one unplugged before (whose handle has been closed
        // since) are forgotten, so they cannot take the new device's data.
        std::lock_guard lock(state_->mutex);
        state_->unplugged = false;
        state_->dead = false;
        for (Urb& urb : state_->flying)
            umockdev_ioctl_data_unref(urb.data);
        for (Urb& urb : state_->done)
            umockdev_ioctl_data_unref(urb.data);
        state_->flying.clear();
        state_->done.clear();
        state_->output.clear();
        state_->held.clear();
    }
    GError* error = nullptr;
    // Attach the emulator (once; it stays attached across unplugging, as the old handle may
    // still talk to it) before the device appears, so that opening it right after the "add"
    // uevent already reaches the emulator.
    if (!state_->attached && !umockdev_testbed_attach_ioctl(state_->testbed, nodePath().c_str(),
                                                            state_->handler, &error)) {
        const std::string what = error ? error->message : "attach_ioctl failed";
        g_clear_error(&error);
        throw std::runtime_error(what);
    }
    state_->attached = true;
    // The recording describes the scanner and then its root hub. The hub stays when the scanner
    // is unplugged, so a second plug adds the scanner's own block only.
    gchar* description = nullptr;
    if (!g_file_get_contents(UMBRAL_SHARED_DATA "/usb/nb1010/device", &description, nullptr,
                             &error)) {
        const std::string what = error ? error->message : "cannot read the device description";
        g_clear_error(&error);
        throw std::runtime_error(what);
    }
    std::string text(description);
    g_free(description);
    if (state_->hubAdded)
        text = text.substr(0, text.find("\n\n") + 1);
    if (!umockdev_testbed_add_from_string(state_->testbed, text.c_str(), &error)) {
        const std::string what = error ? error->message : "add_from_string failed";
        g_clear_error(&error);
        throw std::runtime_error(what);
    }
    state_->hubAdded = true;
}

void Nb1010Testbed::unplug(Unplug how) {
    {
        std::lock_guard lock(state_->mutex);
        state_->unplugged = true;
        state_->dead = how == Unplug::Dead;
        if (how == Unplug::Clean) {
            // The kernel kills the URBs of a vanished device; they are reaped with ESHUTDOWN.
            for (Urb& urb : state_->flying) {
                urb.status = -ESHUTDOWN;
                state_->done.push_back(std::move(urb));
            }
            state_->flying.clear();
        }
        state_->output.clear();
        state_->held.clear();
    }
    umockdev_testbed_uevent(state_->testbed, kSysfsPath, "remove");
    umockdev_testbed_remove_device(state_->testbed, kSysfsPath);
}

void Nb1010Testbed::setReply(Reply reply) {
    std::lock_guard lock(state_->mutex);
    state_->reply = reply;
}

void Nb1010Testbed::setFingerPresent(bool present) {
    std::lock_guard lock(state_->mutex);
    state_->fingerPresent = present;
}

void Nb1010Testbed::holdImage(bool hold) {
    std::lock_guard lock(state_->mutex);
    state_->holdImage = hold;
}

void Nb1010Testbed::releaseImage() {
    std::lock_guard lock(state_->mutex);
    for (auto& chunk : state_->held)
        state_->output.push_back(std::move(chunk));
    state_->held.clear();
    state_->pump();
}

bool Nb1010Testbed::waitingForImageChunk() const {
    std::lock_guard lock(state_->mutex);
    return std::any_of(state_->flying.begin(), state_->flying.end(),
                       [](const Urb& urb) { return urb.length == kChunkLength; });
}

std::vector<std::uint8_t> Nb1010Testbed::sensorImage() {
    std::vector<std::uint8_t> image(256 * 180);
    for (int y = 0; y < 180; ++y)
        for (int x = 0; x < 256; ++x)
            image[std::size_t(y * 256 + x)] = std::uint8_t((x * 7 + y * 3 + (x * y) / 64) & 0xff);
    return image;
}

void Nb1010Testbed::denyAccess() {
    const std::string node = state_->root + nodePath();
    if (geteuid() == 0) {
        // root opens any file; give the test bed to "nobody" and become nobody, so that only
        // the node's mode stands between the process and the device.
        chownTree(state_->root, kNobody, kNobody);
        if (setegid(kNobody) != 0 || seteuid(kNobody) != 0)
            throw std::runtime_error("cannot drop privileges to nobody");
        state_->privilegesDropped = true;
    }
    if (chmod(node.c_str(), 0) != 0)
        throw std::runtime_error("cannot chmod " + node + ": " + std::strerror(errno));
}

void Nb1010Testbed::restorePrivileges() {
    if (!state_->privilegesDropped)
        return;
    if (seteuid(0) != 0 || setegid(0) != 0)
        throw std::runtime_error("cannot restore privileges");
    state_->privilegesDropped = false;
}

std::string Nb1010Testbed::rootDir() const {
    return state_->root;
}
std::string Nb1010Testbed::sysfsPath() const {
    return kSysfsPath;
}

} // namespace umbral::devices::testing
