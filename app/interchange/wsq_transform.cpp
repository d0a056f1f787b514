#include "app/interchange/wsq_transform.h"

#include "app/interchange/interchange_error.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace umbral::interchange::wsq {

namespace {

// Whole-sample symmetric extension: ... x2 x1 | x0 x1 ... x(n-1) | x(n-2) ... (the sample on
// the boundary is not repeated). Parity of the index is preserved, which keeps lowpass
// samples on even and highpass samples on odd positions after reflection.
int mirror(int i, int n) {
    if (n == 1)
        return 0;
    const int period = 2 * (n - 1);
    i %= period;
    if (i < 0)
        i += period;
    return i < n ? i : period - i;
}

int floorDiv2(int v) {
    return v >= 0 ? v / 2 : -((1 - v) / 2);
}

struct SynthesisBank {
    std::vector<double> lowpass;  // g0, length of the analysis highpass
    std::vector<double> highpass; // g1, length of the analysis lowpass
};

// g0[m] = (-1)^m h1[m] and g1[m] = (-1)^m h0[m], m counted from the centre tap: the usual
// biorthogonal relation, which the WSQ decoder applies to the transmitted analysis filters.
SynthesisBank synthesisFrom(const FilterBank& bank) {
    auto modulate = [](const std::vector<double>& h) {
        std::vector<double> g(h.size());
        const int centre = static_cast<int>(h.size()) / 2;
        for (int t = 0; t < static_cast<int>(h.size()); ++t)
            g[t] = ((t - centre) % 2 == 0) ? h[t] : -h[t];
        return g;
    };
    return {modulate(bank.highpass), modulate(bank.lowpass)};
}

// One line of length n through the analysis pair; `out` receives the lowpass half
// (ceil(n/2)) and the highpass half (floor(n/2)), highpass first when `inverted`.
class LineAnalyzer {
public:
    explicit LineAnalyzer(const FilterBank& bank) : bank_(bank) {
        pad_ = static_cast<int>(std::max(bank.lowpass.size(), bank.highpass.size())) + 2;
    }

    void run(const double* x, int n, double* out, bool inverted) {
        if (n <= 0)
            return;
        ext_.resize(static_cast<std::size_t>(n + 2 * pad_));
        for (int i = -pad_; i < n + pad_; ++i)
            ext_[i + pad_] = x[mirror(i, n)];
        const int lowCount = (n + 1) / 2;
        const int highCount = n / 2;
        double* low = inverted ? out + highCount : out;
        double* high = inverted ? out : out + lowCount;
        const int l0 = static_cast<int>(bank_.lowpass.size());
        const int l1 = static_cast<int>(bank_.highpass.size());
        const double* h0 = bank_.lowpass.data();
        const double* h1 = bank_.highpass.data();
        for (int k = 0; k < lowCount; ++k) {
            const double* p = ext_.data() + pad_ + 2 * k - l0 / 2;
            double s = 0.0;
            for (int t = 0; t < l0; ++t)
                s += h0[t] * p[t];
            low[k] = s;
        }
        for (int k = 0; k < highCount; ++k) {
            const double* p = ext_.data() + pad_ + 2 * k + 1 - l1 / 2;
            double s = 0.0;
            for (int t = 0; t < l1; ++t)
                s += h1[t] * p[t];
            high[k] = s;
        }
    }

private:
    const FilterBank& bank_;
    int pad_ = 0;
    std::vector<double> ext_;
};

// Inverse of LineAnalyzer. The two half-bands are extended by the symmetry the analysis of
// a symmetrically extended signal gives them (found by reflecting their sample positions
// 2k and 2k+1 in the signal domain), then upsampled and filtered.
class LineSynthesizer {
public:
    explicit LineSynthesizer(const FilterBank& bank) : bank_(synthesisFrom(bank)) {
        pad_ = static_cast<int>(std::max(bank_.lowpass.size(), bank_.highpass.size())) / 2 + 2;
    }

    void run(const double* in, int n, double* x, bool inverted) {
        if (n <= 0)
            return;
        const int lowCount = (n + 1) / 2;
        const int highCount = n / 2;
        const double* low = inverted ? in + highCount : in;
        const double* high = inverted ? in : in + lowCount;
        lowExt_.resize(static_cast<std::size_t>(lowCount + 2 * pad_));
        highExt_.resize(static_cast<std::size_t>(lowCount + 2 * pad_));
        for (int k = -pad_; k < lowCount + pad_; ++k) {
            lowExt_[k + pad_] = low[mirror(2 * k, n) / 2];
            highExt_[k + pad_] = highCount > 0 ? high[(mirror(2 * k + 1, n) - 1) / 2] : 0.0;
        }
        const int l0 = static_cast<int>(bank_.lowpass.size());  // g0
        const int l1 = static_cast<int>(bank_.highpass.size()); // g1
        const int c0 = l0 / 2;
        const int c1 = l1 / 2;
        for (int t = 0; t < n; ++t) {
            double s = 0.0;
            // x[t] += g0[m] * L[(t - m) / 2] for t - m even.
            for (int m = -c0; m <= c0; ++m)
                if (((t - m) & 1) == 0)
                    s += bank_.lowpass[m + c0] * lowExt_[floorDiv2(t - m) + pad_];
            // x[t] += g1[m] * H[(t - 1 - m) / 2] for t - 1 - m even.
            for (int m = -c1; m <= c1; ++m)
                if (((t - 1 - m) & 1) == 0)
                    s += bank_.highpass[m + c1] * highExt_[floorDiv2(t - 1 - m) + pad_];
            x[t] = s;
        }
    }

private:
    SynthesisBank bank_;
    int pad_ = 0;
    std::vector<double> lowExt_;
    std::vector<double> highExt_;
};

template <typename LineOp>
void filterRows(std::vector<float>& plane, int width, const Region& r, bool inverted, LineOp& op,
                std::vector<double>& in, std::vector<double>& out) {
    in.resize(static_cast<std::size_t>(r.width));
    out.resize(static_cast<std::size_t>(r.width));
    for (int y = r.y; y < r.y + r.height; ++y) {
        float* row = plane.data() + static_cast<std::size_t>(y) * width + r.x;
        std::copy(row, row + r.width, in.begin());
        op.run(in.data(), r.width, out.data(), inverted);
        std::transform(out.begin(), out.end(), row, [](double v) { return static_cast<float>(v); });
    }
}

template <typename LineOp>
void filterColumns(std::vector<float>& plane, int width, const Region& r, bool inverted, LineOp& op,
                   std::vector<double>& in, std::vector<double>& out) {
    in.resize(static_cast<std::size_t>(r.height));
    out.resize(static_cast<std::size_t>(r.height));
    for (int x = r.x; x < r.x + r.width; ++x) {
        float* col = plane.data() + static_cast<std::size_t>(r.y) * width + x;
        for (int i = 0; i < r.height; ++i)
            in[i] = col[static_cast<std::size_t>(i) * width];
        op.run(in.data(), r.height, out.data(), inverted);
        for (int i = 0; i < r.height; ++i)
            col[static_cast<std::size_t>(i) * width] = static_cast<float>(out[i]);
    }
}

} // namespace

const FilterBank& standardFilterBank() {
    // WSQ specification Part 3 (FBI encoder parameters), Table 3.1: the 9-tap lowpass and
    // 7-tap highpass analysis filters.
    static const FilterBank bank{{0.03782845550699546, -0.02384946501938000, -0.11062440441842342,
                                  0.37740285561265380, 0.85269867900940344, 0.37740285561265380,
                                  -0.11062440441842342, -0.02384946501938000, 0.03782845550699546},
                                 {0.06453888262893845, -0.04068941760955844, -0.41809227322221221,
                                  0.78848561640566439, -0.41809227322221221, -0.04068941760955844,
                                  0.06453888262893845}};
    return bank;
}

void requireSupportedFilterBank(const FilterBank& bank) {
    for (const auto* filter : {&bank.lowpass, &bank.highpass}) {
        const char* which = filter == &bank.lowpass ? "lowpass" : "highpass";
        const int n = static_cast<int>(filter->size());
        if (n < 1 || n > kMaxFilterLength)
            throw InterchangeError(InterchangeErrorCode::Invalid,
                                   std::string("WSQ transform table: ") + which +
                                       " filter length " + std::to_string(n) + " is outside 1.." +
                                       std::to_string(kMaxFilterLength));
        if (n % 2 == 0)
            throw InterchangeError(InterchangeErrorCode::Unsupported,
                                   std::string("WSQ transform table: even-length ") + which +
                                       " filter (half-sample symmetric bank) is not supported");
        for (double v : *filter)
            if (!std::isfinite(v))
                throw InterchangeError(InterchangeErrorCode::Invalid,
                                       std::string("WSQ transform table: ") + which +
                                           " coefficient is not a finite number");
    }
}

void analyze(std::vector<float>& plane, int width, int height, const WsqTree& tree,
             const FilterBank& bank) {
    (void)height;
    LineAnalyzer op(bank);
    std::vector<double> in, out;
    for (const SplitNode& node : tree.splits) {
        filterRows(plane, width, node.region, node.invertRows, op, in, out);
        filterColumns(plane, width, node.region, node.invertColumns, op, in, out);
    }
}

void synthesize(std::vector<float>& plane, int width, int height, const WsqTree& tree,
                const FilterBank& bank) {
    (void)height;
    LineSynthesizer op(bank);
    std::vector<double> in, out;
    for (int n = kSplitCount - 1; n >= 0; --n) {
        const SplitNode& node = tree.splits[n];
        filterColumns(plane, width, node.region, node.invertColumns, op, in, out);
        filterRows(plane, width, node.region, node.invertRows, op, in, out);
    }
}

} // namespace umbral::interchange::wsq
