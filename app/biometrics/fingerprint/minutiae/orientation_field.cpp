#include "app/biometrics/fingerprint/minutiae/orientation_field.h"

#include <opencv2/imgproc.hpp>

#include <cmath>

namespace umbral::biometrics::minutiae_detail {

namespace {

cv::Mat blockAverage(const cv::Mat& padded, int blockSize) {
    // INTER_AREA with an integer factor is an exact box average over each block.
    cv::Mat out;
    cv::resize(padded, out, cv::Size(padded.cols / blockSize, padded.rows / blockSize), 0, 0,
               cv::INTER_AREA);
    return out;
}

// Gaussian smoothing of `values` restricted to the pixels where `weight` > 0 (normalised
// convolution): background values never leak into the foreground estimate, and background
// blocks receive the weighted average of the foreground around them.
cv::Mat maskedGaussian(const cv::Mat& values, const cv::Mat& weight, double sigma) {
    cv::Mat num, den;
    cv::GaussianBlur(values.mul(weight), num, cv::Size(), sigma, sigma, cv::BORDER_REPLICATE);
    cv::GaussianBlur(weight, den, cv::Size(), sigma, sigma, cv::BORDER_REPLICATE);
    cv::Mat out;
    cv::divide(num, cv::max(den, 1e-6), out);
    return out;
}

} // namespace

BlockMoments computeBlockMoments(const cv::Mat& grey, int blockSize) {
    const int padRight = (blockSize - grey.cols % blockSize) % blockSize;
    const int padBottom = (blockSize - grey.rows % blockSize) % blockSize;
    cv::Mat padded;
    cv::copyMakeBorder(grey, padded, 0, padBottom, 0, padRight, cv::BORDER_REFLECT);
    cv::Mat f;
    padded.convertTo(f, CV_32F);

    cv::Mat gx, gy;
    cv::Sobel(f, gx, CV_32F, 1, 0, 3, 1.0 / 8.0);
    cv::Sobel(f, gy, CV_32F, 0, 1, 3, 1.0 / 8.0);

    BlockMoments m;
    m.blockSize = blockSize;
    m.gxx = blockAverage(gx.mul(gx), blockSize);
    m.gyy = blockAverage(gy.mul(gy), blockSize);
    m.gxy = blockAverage(gx.mul(gy), blockSize);
    m.greyMean = blockAverage(f, blockSize);
    cv::Mat meanSq = blockAverage(f.mul(f), blockSize);
    m.greyVariance = cv::max(meanSq - m.greyMean.mul(m.greyMean), 0.0);
    return m;
}

OrientationField estimateOrientation(const BlockMoments& moments, const cv::Mat& blockMask,
                                     double smoothingBlocks) {
    // A single 8x8 block holds less than one ridge period: average the moments over a window of
    // about 3 x 3 blocks (24 px, about 2.5 ridges) before taking the dominant direction.
    cv::Mat gxx, gyy, gxy;
    cv::GaussianBlur(moments.gxx, gxx, cv::Size(), 1.0, 1.0, cv::BORDER_REPLICATE);
    cv::GaussianBlur(moments.gyy, gyy, cv::Size(), 1.0, 1.0, cv::BORDER_REPLICATE);
    cv::GaussianBlur(moments.gxy, gxy, cv::Size(), 1.0, 1.0, cv::BORDER_REPLICATE);

    const int rows = gxx.rows, cols = gxx.cols;
    // Doubled-angle vector of the gradient, normalised by the energy: its length is the
    // coherence, so contrast does not weigh the average, only how clear the direction is.
    cv::Mat c2(rows, cols, CV_32F), s2(rows, cols, CV_32F), coh(rows, cols, CV_32F);
    for (int r = 0; r < rows; ++r) {
        const float* pxx = gxx.ptr<float>(r);
        const float* pyy = gyy.ptr<float>(r);
        const float* pxy = gxy.ptr<float>(r);
        float* pc = c2.ptr<float>(r);
        float* ps = s2.ptr<float>(r);
        float* ph = coh.ptr<float>(r);
        for (int c = 0; c < cols; ++c) {
            const float energy = pxx[c] + pyy[c];
            if (energy <= 1e-6f) {
                pc[c] = ps[c] = ph[c] = 0.0f;
                continue;
            }
            pc[c] = (pxx[c] - pyy[c]) / energy;
            ps[c] = 2.0f * pxy[c] / energy;
            ph[c] = std::sqrt(pc[c] * pc[c] + ps[c] * ps[c]);
        }
    }

    cv::Mat weight;
    blockMask.convertTo(weight, CV_32F, 1.0 / 255.0);
    // Background blocks still get a direction (from the surrounding foreground) with a small
    // weight so the field is defined everywhere the enhancement might look.
    weight = cv::max(weight, 0.02f);

    OrientationField field;
    field.cos2 = maskedGaussian(c2, weight, smoothingBlocks);
    field.sin2 = maskedGaussian(s2, weight, smoothingBlocks);
    field.theta.create(rows, cols, CV_32F);
    field.coherence = coh;
    for (int r = 0; r < rows; ++r) {
        float* pc = field.cos2.ptr<float>(r);
        float* ps = field.sin2.ptr<float>(r);
        float* pt = field.theta.ptr<float>(r);
        for (int c = 0; c < cols; ++c) {
            // Gradient direction is half the doubled angle; the ridge runs perpendicular to it.
            float t = 0.5f * std::atan2(ps[c], pc[c]) + static_cast<float>(CV_PI / 2);
            if (t >= static_cast<float>(CV_PI))
                t -= static_cast<float>(CV_PI);
            if (t < 0.0f)
                t += static_cast<float>(CV_PI);
            pt[c] = t;
            const float n = std::sqrt(pc[c] * pc[c] + ps[c] * ps[c]);
            if (n > 1e-6f) {
                pc[c] /= n;
                ps[c] /= n;
            }
        }
    }
    return field;
}

cv::Mat pixelOrientation(const OrientationField& field, cv::Size imageSize, int blockSize) {
    // Block centres sit at (i + 0.5) * blockSize: resize to the padded size, which places the
    // samples exactly there, then crop to the image.
    const cv::Size padded(field.cos2.cols * blockSize, field.cos2.rows * blockSize);
    cv::Mat c2, s2;
    cv::resize(field.cos2, c2, padded, 0, 0, cv::INTER_LINEAR);
    cv::resize(field.sin2, s2, padded, 0, 0, cv::INTER_LINEAR);
    cv::Mat theta(imageSize, CV_32F);
    for (int r = 0; r < imageSize.height; ++r) {
        const float* pc = c2.ptr<float>(r);
        const float* ps = s2.ptr<float>(r);
        float* pt = theta.ptr<float>(r);
        for (int c = 0; c < imageSize.width; ++c) {
            float t = 0.5f * std::atan2(ps[c], pc[c]) + static_cast<float>(CV_PI / 2);
            if (t >= static_cast<float>(CV_PI))
                t -= static_cast<float>(CV_PI);
            if (t < 0.0f)
                t += static_cast<float>(CV_PI);
            pt[c] = t;
        }
    }
    return theta;
}

} // namespace umbral::biometrics::minutiae_detail
