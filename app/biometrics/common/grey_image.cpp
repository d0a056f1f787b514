#include "app/biometrics/common/grey_image.h"

#include "app/biometrics/common/biometric_error.h"

#include <cmath>
#include <filesystem>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace umbral::biometrics {

cv::Mat readImageUnchanged(const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        throw BiometricError(BiometricErrorCode::UnreadableFile, path + ": no such file");
    cv::Mat image;
    try {
        image = cv::imread(path, cv::IMREAD_UNCHANGED);
    } catch (const cv::Exception& e) {
        throw BiometricError(BiometricErrorCode::UnreadableFile,
                             path + ": cannot decode image (" + e.what() + ")");
    }
    if (image.empty()) {
        if (std::filesystem::file_size(path, ec) == 0)
            throw BiometricError(BiometricErrorCode::EmptyImage, path + ": file is empty");
        throw BiometricError(BiometricErrorCode::UnreadableFile,
                             path + ": not an image format Umbral reads (or the file is truncated)");
    }
    return image;
}

void requireGrey8(const cv::Mat& image, const std::string& what) {
    if (image.empty())
        throw BiometricError(BiometricErrorCode::EmptyImage, what + ": image has no pixels");
    if (image.channels() != 1)
        throw BiometricError(BiometricErrorCode::NotGrey,
                             what + ": colour image (" + std::to_string(image.channels()) +
                                 " channels); an 8-bit grey image is required");
    if (image.depth() != CV_8U)
        throw BiometricError(BiometricErrorCode::UnsupportedDepth,
                             what + ": " + (image.depth() == CV_16U ? std::string("16-bit")
                                                                    : std::string("non 8-bit")) +
                                 " image; an 8-bit grey image is required");
}

cv::Mat readGrey8(const std::string& path) {
    cv::Mat image = readImageUnchanged(path);
    requireGrey8(image, path);
    return image;
}

cv::Mat resampleToPpi(const cv::Mat& image, double fromPpi, double toPpi) {
    if (!(fromPpi > 50.0 && fromPpi < 5000.0) || !(toPpi > 50.0 && toPpi < 5000.0))
        throw BiometricError(BiometricErrorCode::BadResolution,
                             "resolution out of range: " + std::to_string(fromPpi) + " ppi");
    const double scale = toPpi / fromPpi;
    if (std::abs(scale - 1.0) < 0.005)
        return image;
    cv::Mat out;
    cv::resize(image, out, cv::Size(), scale, scale, scale < 1.0 ? cv::INTER_AREA : cv::INTER_CUBIC);
    return out;
}

} // namespace umbral::biometrics
