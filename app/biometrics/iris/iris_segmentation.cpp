#include "app/biometrics/iris/iris_segmentation.h"

#include "app/biometrics/common/grey_image.h"
#include "app/biometrics/iris/segmentation_steps.h"

#include <algorithm>
#include <array>
#include <opencv2/imgproc.hpp>

namespace umbral::biometrics {

using namespace iris_detail;

std::string refusalName(IrisRefusal refusal) {
    switch (refusal) {
    case IrisRefusal::None:
        return "none";
    case IrisRefusal::TooDark:
        return "too dark";
    case IrisRefusal::Saturated:
        return "saturated";
    case IrisRefusal::NoContrast:
        return "no contrast";
    case IrisRefusal::NoEye:
        return "no eye";
    case IrisRefusal::NoIrisBoundary:
        return "no iris boundary";
    }
    return "unknown";
}

namespace {

constexpr int kMinWidth = 160;
constexpr int kMinHeight = 120;
constexpr int kMaxSide = 4096;

double median(std::vector<double> v) {
    if (v.empty())
        return 0.0;
    const auto mid = v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2);
    std::nth_element(v.begin(), mid, v.end());
    return *mid;
}

// Refuses frames with nothing to measure, before any search: cheaper and a clearer reason
// than "no pupil found".
void checkExposure(const cv::Mat& image) {
    std::array<int, 256> hist{};
    for (int y = 0; y < image.rows; ++y) {
        const uchar* p = image.ptr<uchar>(y);
        for (int x = 0; x < image.cols; ++x)
            ++hist[p[x]];
    }
    const double total = static_cast<double>(image.total());
    double sum = 0.0;
    double sum2 = 0.0;
    for (int v = 0; v < 256; ++v) {
        sum += static_cast<double>(v) * hist[v];
        sum2 += static_cast<double>(v) * v * hist[v];
    }
    const double mean = sum / total;
    const double sd = std::sqrt(std::max(0.0, sum2 / total - mean * mean));
    int p99 = 255;
    int acc = 0;
    for (int v = 0; v < 256; ++v) {
        acc += hist[v];
        if (acc >= 0.99 * total) {
            p99 = v;
            break;
        }
    }
    int clipped = 0;
    for (int v = 250; v < 256; ++v)
        clipped += hist[v];
    const auto fmt = [](double v) { return std::to_string(static_cast<int>(std::lround(v))); };
    if (p99 < 40 || mean < 20.0)
        throw IrisSegmentationError(
            IrisRefusal::TooDark, "frame too dark (mean grey " + fmt(mean) + ", 99th percentile " +
                                      fmt(p99) + "): check the illuminator and exposure");
    if (clipped > 0.4 * total || mean > 235.0)
        throw IrisSegmentationError(IrisRefusal::Saturated,
                                    "frame saturated (" + fmt(100.0 * clipped / total) +
                                        " % of pixels clipped): reduce exposure or gain");
    if (sd < 4.0)
        throw IrisSegmentationError(IrisRefusal::NoContrast,
                                    "frame nearly uniform (grey level spread " + fmt(sd) +
                                        "): no eye in view");
}

IrisGreyModel sampleIrisGrey(const cv::Mat& img, const IrisEllipse& pupil,
                             const IrisEllipse& limbus) {
    std::vector<double> v;
    for (int i = -12; i <= 12; ++i)
        for (const double side : {0.0, kPi}) {
            const double a = side + i * (35.0 / 12.0) * kPi / 180.0;
            const cv::Point2d p0 = pupil.pointAt(a);
            const cv::Point2d p1 =
                limbus.centre + (limbus.radiusAt(a) / 1.0) * cv::Point2d(std::cos(a), std::sin(a));
            for (int k = 0; k < 12; ++k) {
                const double rho = 0.15 + 0.7 * k / 11.0;
                const cv::Point2d q = (1.0 - rho) * p0 + rho * p1;
                const double s = sampleBilinear(img, q.x, q.y);
                if (!std::isnan(s) && s < 220.0)
                    v.push_back(s);
            }
        }
    IrisGreyModel m;
    m.median = median(v);
    std::vector<double> dev;
    dev.reserve(v.size());
    for (const double s : v)
        dev.push_back(std::abs(s - m.median));
    m.spread = std::max(3.0, 1.4826 * median(dev));
    return m;
}

// The mask of usable iris: inside the limbus and outside the pupil (each with a one-pixel
// margin, where boundary pixels mix both sides), between the lids, minus lashes and reflections.
void buildMasks(const cv::Mat& image, IrisSegmentation& seg) {
    const cv::Size size = image.size();
    seg.usableMask = cv::Mat::zeros(size, CV_8U);
    seg.specularMask = cv::Mat::zeros(size, CV_8U);
    seg.lashMask = cv::Mat::zeros(size, CV_8U);
    const IrisEllipse& L = seg.limbus;
    const double reach = std::max(L.semiAxisA, L.semiAxisB) + 3.0;
    const cv::Rect box = cv::Rect(cv::Point(static_cast<int>(L.centre.x - reach),
                                            static_cast<int>(L.centre.y - reach)),
                                  cv::Point(static_cast<int>(L.centre.x + reach) + 2,
                                            static_cast<int>(L.centre.y + reach) + 2)) &
                         cv::Rect(cv::Point(0, 0), size);
    if (box.area() == 0)
        return;
    const cv::Mat roi = image(box);

    // Reflections: near-saturated, plus their glow.
    const double specularLevel =
        std::min(250.0, std::max(210.0, seg.irisGrey + 5.0 * seg.irisGreySpread));
    cv::Mat spec = roi >= specularLevel;
    cv::dilate(spec, spec, cv::getStructuringElement(cv::MORPH_ELLIPSE, {5, 5}));
    // Lashes: thin and dark, so much darker than their 9 x 9 neighbourhood and than the iris.
    // Crypts are dark too but wider, so their centre is not far below their neighbourhood mean.
    cv::Mat local;
    cv::blur(roi, local, {9, 9});
    const double depth = std::max(18.0, 0.25 * (seg.irisGrey - seg.pupilGrey));
    const double lashCeiling = seg.irisGrey - 2.5 * seg.irisGreySpread;
    cv::Mat lash(roi.size(), CV_8U, cv::Scalar(0));
    for (int y = 0; y < roi.rows; ++y) {
        const uchar* p = roi.ptr<uchar>(y);
        const uchar* m = local.ptr<uchar>(y);
        uchar* o = lash.ptr<uchar>(y);
        for (int x = 0; x < roi.cols; ++x)
            o[x] = (p[x] < m[x] - depth && p[x] < lashCeiling) ? 255 : 0;
    }
    cv::dilate(lash, lash, cv::getStructuringElement(cv::MORPH_RECT, {3, 3}));
    spec.copyTo(seg.specularMask(box));
    lash.copyTo(seg.lashMask(box));

    IrisEllipse inner = seg.pupil;
    inner.semiAxisA += 1.0;
    inner.semiAxisB += 1.0;
    IrisEllipse outer = seg.limbus;
    outer.semiAxisA -= 1.0;
    outer.semiAxisB -= 1.0;
    for (int y = box.y; y < box.y + box.height; ++y) {
        double x0 = 0.0;
        double x1 = 0.0;
        if (!outer.rowSpan(y, x0, x1))
            continue;
        double p0 = 1.0;
        double p1 = 0.0;
        if (!inner.rowSpan(y, p0, p1)) {
            p0 = 1.0;
            p1 = 0.0;
        }
        uchar* out = seg.usableMask.ptr<uchar>(y);
        const uchar* s = seg.specularMask.ptr<uchar>(y);
        const uchar* l = seg.lashMask.ptr<uchar>(y);
        const int xa = std::max(0, static_cast<int>(std::ceil(x0)));
        const int xb = std::min(size.width - 1, static_cast<int>(std::floor(x1)));
        for (int x = xa; x <= xb; ++x) {
            if (x >= p0 && x <= p1)
                continue;
            if (seg.upperLid.present && y <= seg.upperLid.yAt(x))
                continue;
            if (seg.lowerLid.present && y >= seg.lowerLid.yAt(x))
                continue;
            if (s[x] || l[x])
                continue;
            out[x] = 255;
        }
    }
}

} // namespace

IrisSegmentation segmentIris(const cv::Mat& image) {
    requireGrey8(image, "iris image");
    if (image.cols < kMinWidth || image.rows < kMinHeight)
        throw BiometricError(BiometricErrorCode::TooSmall,
                             "iris image " + std::to_string(image.cols) + " x " +
                                 std::to_string(image.rows) + " is too small (at least 160 x 120)");
    if (image.cols > kMaxSide || image.rows > kMaxSide)
        throw BiometricError(BiometricErrorCode::TooLarge,
                             "iris image larger than 4096 px on a side");
    try {
        checkExposure(image);

        PupilSeed seed;
        if (!findPupilSeed(image, seed))
            throw IrisSegmentationError(
                IrisRefusal::NoEye,
                "no pupil found: no open eye in view (eye closed, or not in front of the camera)");
        cv::Mat smoothed;
        cv::GaussianBlur(image, smoothed, cv::Size(5, 5), 1.0);
        PupilBoundary pupil;
        if (!refinePupil(smoothed, seed, IrisSegmentation::kPupilRays, pupil))
            throw IrisSegmentationError(IrisRefusal::NoEye,
                                        "no pupil boundary found: no open eye in view (eye closed, "
                                        "or not in front of the camera)");
        // Lashes are thin dark lines; a grey-level closing a little wider than a lash erases
        // them while keeping the position of broad edges such as the limbus and the lids.
        cv::Mat lashFree;
        cv::morphologyEx(smoothed, lashFree, cv::MORPH_CLOSE,
                         cv::getStructuringElement(cv::MORPH_ELLIPSE, {7, 7}));
        LimbusBoundary limbusFound;
        if (!findLimbus(lashFree, pupil, limbusFound))
            throw IrisSegmentationError(
                IrisRefusal::NoIrisBoundary,
                "no iris boundary found around the pupil (iris hidden, or far out of focus)");
        const IrisEllipse limbus = limbusFound.ellipse;
        IrisSegmentation seg;
        seg.imageSize = image.size();
        seg.pupil = pupil.ellipse;
        seg.limbus = limbus;
        seg.pupilRayRadius = std::move(pupil.rayRadius);
        seg.pupilRaySharpness = std::move(pupil.raySharpness);
        seg.pupilGrey = pupil.pupilGrey;
        const IrisGreyModel rawModel = sampleIrisGrey(image, seg.pupil, seg.limbus);
        seg.irisGrey = rawModel.median;
        seg.irisGreySpread = rawModel.spread;

        // Lids are judged on a softer image: iris texture averages out, skin stays skin.
        const double reach = std::max(limbus.semiAxisA, limbus.semiAxisB) + 4.0;
        const cv::Rect box = cv::Rect(cv::Point(static_cast<int>(limbus.centre.x - reach),
                                                static_cast<int>(limbus.centre.y - reach)),
                                      cv::Point(static_cast<int>(limbus.centre.x + reach) + 2,
                                                static_cast<int>(limbus.centre.y + reach) + 2)) &
                             cv::Rect(0, 0, image.cols, image.rows);
        cv::Mat soft = lashFree.clone();
        cv::GaussianBlur(lashFree(box), soft(box), cv::Size(0, 0), 2.0);
        const IrisGreyModel softModel = sampleIrisGrey(soft, seg.pupil, seg.limbus);
        seg.upperLid = findEyelid(soft, seg.pupil, seg.limbus, softModel, true);
        seg.lowerLid = findEyelid(soft, seg.pupil, seg.limbus, softModel, false);

        // Limbus edges found next to or beyond a lid belong to the lid: refit without them.
        if (seg.upperLid.present || seg.lowerLid.present) {
            const double clearance = std::max(3.0, 0.03 * limbus.meanRadius());
            std::vector<cv::Point2d> visible;
            for (const auto& p : limbusFound.points) {
                if (seg.upperLid.present && p.y <= seg.upperLid.yAt(p.x) + clearance)
                    continue;
                if (seg.lowerLid.present && p.y >= seg.lowerLid.yAt(p.x) - clearance)
                    continue;
                visible.push_back(p);
            }
            const BoundaryFit refit = fitShapedBoundary(
                visible, limbusFound.shape, 16, limbusFound.minRadius, limbusFound.maxRadius);
            if (refit.ellipse.valid() && plausibleLimbus(seg.pupil, refit.ellipse)) {
                seg.limbus = refit.ellipse;
                seg.upperLid = findEyelid(soft, seg.pupil, seg.limbus, softModel, true);
                seg.lowerLid = findEyelid(soft, seg.pupil, seg.limbus, softModel, false);
            }
        }
        buildMasks(image, seg);
        return seg;
    } catch (const cv::Exception& e) {
        throw BiometricError(BiometricErrorCode::Internal,
                             std::string("iris segmentation failed: ") + e.what());
    }
}

} // namespace umbral::biometrics
