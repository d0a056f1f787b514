#include "app/biometrics/iris/iris_normalisation.h"

#include "app/biometrics/common/grey_image.h"
#include "app/biometrics/iris/segmentation_steps.h"

namespace umbral::biometrics {

NormalisedIris normaliseIris(const cv::Mat& image, const IrisSegmentation& seg, int rows,
                             int columns) {
    requireGrey8(image, "iris image");
    if (rows < 4 || columns < 16)
        throw BiometricError(BiometricErrorCode::Internal, "normalised iris grid too small");
    NormalisedIris out;
    out.texture.create(rows, columns, CV_32F);
    out.mask.create(rows, columns, CV_8U);
    constexpr double kRhoFirst = 0.04;
    constexpr double kRhoLast = 0.96;
    for (int c = 0; c < columns; ++c) {
        const double a = 2.0 * iris_detail::kPi * c / columns;
        const cv::Point2d p0 = seg.pupil.pointAt(a);
        const cv::Point2d p1 = seg.limbus.pointAt(a);
        for (int r = 0; r < rows; ++r) {
            const double rho = kRhoFirst + (kRhoLast - kRhoFirst) * r / (rows - 1);
            const cv::Point2d q = (1.0 - rho) * p0 + rho * p1;
            const double v = iris_detail::sampleBilinear(image, q.x, q.y);
            const int xi = static_cast<int>(std::lround(q.x));
            const int yi = static_cast<int>(std::lround(q.y));
            const bool usable = !std::isnan(v) && xi >= 0 && yi >= 0 && xi < image.cols &&
                                yi < image.rows && seg.usableMask.at<uchar>(yi, xi) != 0;
            out.texture.at<float>(r, c) = std::isnan(v) ? 0.0F : static_cast<float>(v);
            out.mask.at<uchar>(r, c) = usable ? 255 : 0;
        }
    }
    return out;
}

} // namespace umbral::biometrics
