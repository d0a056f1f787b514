// Accuracy of the fingerprint matcher on FVC2002 DB1_B and DB4_B, the score calibration table,
// and how much of the mated pairs the 1:N screening keeps. Prints what docs/benchmarks.md and
// docs/fingerprint-matching.md report.
//
//   bench_finger_match_accuracy [--per-image]
//
// --per-image first lists every image's NFIQ 2-compatible score with the measures behind the
// size of the print, and every pair's score with both qualities (to see which images the missed
// genuine pairs involve).
//
// Protocols (data README): genuine = every pair of impressions of a finger (280 per set);
// impostor "FVC" = first impressions of different fingers (45), "cross" = every pair of images
// of different fingers (2 880). The calibration uses every impostor pair of the two sets
// together, including pairs across the sets (12 160).

#include "app/biometrics/common/grey_image.h"
#include "app/biometrics/fingerprint/matching/cylinder_code.h"
#include "app/biometrics/fingerprint/matching/cylinder_similarity.h"
#include "app/biometrics/fingerprint/matching/error_rates.h"
#include "app/biometrics/fingerprint/matching/finger_matcher.h"
#include "app/biometrics/fingerprint/matching/score_calibration.h"
#include "app/biometrics/fingerprint/matching/screening_code.h"
#include "app/biometrics/fingerprint/minutiae/minutiae.h"
#include "app/biometrics/fingerprint/quality/finger_quality.h"
#include "app/biometrics/fingerprint/quality/minutiae_detection.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

using namespace umbral::biometrics;

namespace {

struct Sample {
    int set;    // 0 DB1_B, 1 DB4_B
    int finger; // 0..9
    int impression;
    std::vector<Minutia> minutiae;
    FingerMatchTemplate templ;
    int quality = 0; // NFIQ 2-compatible unified score
    FingerQualityReport report;
};

void printRates(const char* name, const std::vector<double>& genuine,
                const std::vector<double>& impostor) {
    const VerificationErrorRates r = computeErrorRates(genuine, impostor);
    std::printf("| %-22s | %5zu | %6.2f %% | %6.2f %% | %6.2f %% | %6.2f %% |\n", name,
                impostor.size(), 100 * r.eer, 100 * r.fnmrAtFmr1, 100 * r.fnmrAtFmr01,
                100 * r.zeroFmr);
}

} // namespace

int main(int argc, char** argv) {
    const bool perImage = argc > 1 && std::string(argv[1]) == "--per-image";
    std::vector<Sample> samples;
    const char* sets[] = {"fvc2002-db1b", "fvc2002-db4b"};
    for (int s = 0; s < 2; ++s)
        for (int f = 0; f < 10; ++f)
            for (int i = 0; i < 8; ++i) {
                const std::string path = std::string(UMBRAL_SHARED_DATA) + "/fingerprints/" +
                                         sets[s] + "/" + std::to_string(101 + f) + "_" +
                                         std::to_string(i + 1) + ".tif";
                const cv::Mat image = readGrey8(path);
                Sample x{s, f, i, extractMinutiae(image).minutiae, {}};
                x.templ = FingerMatchTemplate(x.minutiae);
                FingerQualityOptions q;
                q.minutiae = umbralMinutiaeDetector();
                x.report = assessFingerQuality(image, q);
                x.quality = x.report.score;
                samples.push_back(std::move(x));
            }
    const std::size_t n = samples.size();
    std::vector<double> score(n * n, 0.0), similarity(n * n, 0.0);
    for (std::size_t a = 0; a < n; ++a)
        for (std::size_t b = a + 1; b < n; ++b) {
            const FingerComparison c = compareFingers(samples[a].templ, samples[b].templ);
            score[a * n + b] = score[b * n + a] = c.score;
            similarity[a * n + b] = similarity[b * n + a] = c.similarity;
        }

    if (perImage) {
        std::printf("set image quality foregroundPixels roiBlocks foregroundRegions coherenceSum "
                    "minutiae(quality) minutiae(template) foregroundBounds\n");
        for (const Sample& x : samples) {
            const auto& m = x.report.measures;
            std::printf("%d %d_%d %d %d %d %d %.1f %d %zu %dx%d+%d+%d\n", x.set, 101 + x.finger,
                        x.impression + 1, x.quality, m.roiPixels, m.roiBlocks, m.fda.count(),
                        m.coherenceSum, m.minutiae ? m.minutiae->count : -1, x.minutiae.size(),
                        m.roiBounds.width, m.roiBounds.height, m.roiBounds.x, m.roiBounds.y);
        }
        std::printf("G(enuine)/I(mpostor) set imageA imageB score qualityA qualityB\n");
        for (std::size_t a = 0; a < n; ++a)
            for (std::size_t b = a + 1; b < n; ++b)
                if (samples[a].set == samples[b].set)
                    std::printf("%c %d %d_%d %d_%d %.2f %d %d\n",
                                samples[a].finger == samples[b].finger ? 'G' : 'I', samples[a].set,
                                101 + samples[a].finger, samples[a].impression + 1,
                                101 + samples[b].finger, samples[b].impression + 1,
                                score[a * n + b], samples[a].quality, samples[b].quality);
    }
    std::printf(
        "| set, impostors          | pairs | EER      | FNMR@1%%  | FNMR@0.1%% | ZeroFMR  |\n");
    for (int s = 0; s < 2; ++s) {
        std::vector<double> genuine, fvc, cross;
        for (std::size_t a = 0; a < n; ++a)
            for (std::size_t b = a + 1; b < n; ++b) {
                const Sample &x = samples[a], &y = samples[b];
                if (x.set != s || y.set != s)
                    continue;
                if (x.finger == y.finger)
                    genuine.push_back(score[a * n + b]);
                else {
                    cross.push_back(score[a * n + b]);
                    if (x.impression == 0 && y.impression == 0)
                        fvc.push_back(score[a * n + b]);
                }
            }
        printRates((std::string(sets[s]) + ", FVC").c_str(), genuine, fvc);
        printRates((std::string(sets[s]) + ", cross").c_str(), genuine, cross);
    }

    // Calibration: every impostor pair of both sets (within and across).
    std::vector<double> impostorSimilarity, genuineSimilarity;
    for (std::size_t a = 0; a < n; ++a)
        for (std::size_t b = a + 1; b < n; ++b) {
            const bool mate =
                samples[a].set == samples[b].set && samples[a].finger == samples[b].finger;
            (mate ? genuineSimilarity : impostorSimilarity).push_back(similarity[a * n + b]);
        }
    std::sort(impostorSimilarity.begin(), impostorSimilarity.end(), std::greater<>());
    std::printf(
        "\ncalibration points over %zu impostor pairs (similarity reached by that share):\n",
        impostorSimilarity.size());
    for (double fmr : {0.5, 0.2, 0.1, 0.05, 0.02, 0.01, 0.005, 0.002, 0.001, 0.0005, 0.0002}) {
        const auto k = static_cast<std::size_t>(
            std::floor(fmr * static_cast<double>(impostorSimilarity.size())));
        std::printf("    {%.5f, %g},\n", impostorSimilarity[k], fmr);
    }
    // Exponential tail over the top 2 %: log10(rank / N) = a + b * similarity.
    const std::size_t tail = impostorSimilarity.size() / 50;
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (std::size_t k = 0; k < tail; ++k) {
        const double x = impostorSimilarity[k];
        const double y = std::log10((static_cast<double>(k) + 0.5) /
                                    static_cast<double>(impostorSimilarity.size()));
        sx += x, sy += y, sxx += x * x, sxy += x * y;
    }
    const double slope = (tail * sxy - sx * sy) / (tail * sxx - sx * sx);
    std::printf("tail slope (d log10 FMR / d similarity): %.4f\n", slope);
    std::printf("\nscore thresholds with the current table, and the FMR measured at them:\n");
    std::vector<double> impostorScore, genuineScore;
    for (std::size_t a = 0; a < n; ++a)
        for (std::size_t b = a + 1; b < n; ++b) {
            const bool mate =
                samples[a].set == samples[b].set && samples[a].finger == samples[b].finger;
            (mate ? genuineScore : impostorScore).push_back(score[a * n + b]);
        }
    for (double fmr : {0.01, 0.001, 0.0001}) {
        const double t = scoreForFalseMatchRate(fmr);
        std::printf(
            "  FMR %-6g: score %5.1f (similarity %.5f): measured FMR %.4f %%, FNMR %.2f %%\n", fmr,
            t, similarityForScore(t), 100 * falseMatchRate(impostorScore, t),
            100 * falseNonMatchRate(genuineScore, t));
    }

    // Screening: of the mated pairs the full matcher accepts, how many would the 1:N screening
    // keep in a shortlist of a given share of the gallery? The share an impostor would need is
    // read off the screening scores of all real impostor pairs (probe against reference, both
    // directions).
    std::vector<matching_detail::ScreeningProbe> probes;
    matching_detail::ScreeningStore codes;
    for (const Sample& x : samples) {
        probes.emplace_back(x.minutiae);
        codes.add(matching_detail::screeningCodes(x.minutiae));
    }
    std::vector<float> impostorScreen;
    std::vector<std::pair<float, double>> mates; // screening score, full score
    for (std::size_t a = 0; a < n; ++a)
        for (std::size_t b = 0; b < n; ++b) {
            if (a == b)
                continue;
            const float s = probes[a].score(codes.view(b));
            const bool mate =
                samples[a].set == samples[b].set && samples[a].finger == samples[b].finger;
            if (mate)
                mates.push_back({s, score[a * n + b]});
            else
                impostorScreen.push_back(s);
        }
    std::sort(impostorScreen.begin(), impostorScreen.end());
    std::printf("\nscreening: share of mated searches kept in the shortlist\n");
    for (double fmr : {0.001, 0.0001}) {
        const double threshold = scoreForFalseMatchRate(fmr);
        std::printf("  mates scored above FMR %g:", fmr);
        for (double share : {0.002, 0.005, 0.01, 0.02, 0.05}) {
            int kept = 0, total = 0;
            for (const auto& [s, full] : mates) {
                if (full < threshold)
                    continue;
                ++total;
                const double above =
                    static_cast<double>(
                        impostorScreen.end() -
                        std::lower_bound(impostorScreen.begin(), impostorScreen.end(), s)) /
                    static_cast<double>(impostorScreen.size());
                kept += above < share;
            }
            std::printf("  %.1f %%: %.1f %%", 100 * share, 100.0 * kept / std::max(total, 1));
        }
        std::printf("\n");
    }

    // Error versus discard (ISO/IEC 29794-1): the threshold is fixed from the whole impostor set
    // of the protocol at the given FMR; the quality of a comparison is the lower of its two
    // images' NFIQ 2-compatible scores. "comparisons": at most that share of the genuine
    // comparisons is discarded, the lowest pairwise quality first (the standard's curve);
    // "images": at most that share of the set's images is discarded, the lowest quality first,
    // with every comparison they take part in (the wording). Ties in quality are kept or
    // discarded together, so the share actually discarded can be lower than the target.
    std::printf(
        "\nerror versus discard (NFIQ 2-compatible score; FNMR %% at the fixed threshold, "
        "[share of the genuine comparisons actually discarded, genuine comparisons left])\n");
    for (int s = 0; s < 2; ++s) {
        std::vector<QualifiedComparison> genuine;
        std::vector<double> fvc, cross;
        std::vector<int> imageQualities;
        for (std::size_t a = 0; a < n; ++a) {
            if (samples[a].set != s)
                continue;
            imageQualities.push_back(samples[a].quality);
            for (std::size_t b = a + 1; b < n; ++b) {
                if (samples[b].set != s)
                    continue;
                if (samples[a].finger == samples[b].finger) {
                    genuine.push_back({score[a * n + b], samples[a].quality, samples[b].quality});
                } else {
                    cross.push_back(score[a * n + b]);
                    if (samples[a].impression == 0 && samples[b].impression == 0)
                        fvc.push_back(score[a * n + b]);
                }
            }
        }
        // NFIQ 2's actionable feedback instead of the score: leave out the images flagged by
        // SufficientFingerprintForeground (NIST's threshold), cross impostors.
        {
            std::vector<double> kept;
            int flagged = 0;
            for (std::size_t a = 0; a < n; ++a)
                flagged +=
                    samples[a].set == s && samples[a].report.feedback.hasInsufficientForeground();
            for (std::size_t a = 0; a < n; ++a)
                for (std::size_t b = a + 1; b < n; ++b)
                    if (samples[a].set == s && samples[b].set == s &&
                        samples[a].finger == samples[b].finger &&
                        !samples[a].report.feedback.hasInsufficientForeground() &&
                        !samples[b].report.feedback.hasInsufficientForeground())
                        kept.push_back(score[a * n + b]);
            std::printf("  %s, cross impostors, leaving out the %d images flagged by "
                        "SufficientFingerprintForeground: FNMR %.2f %% at FMR 1 %%, %.2f %% at "
                        "FMR 0.1 %% (%zu genuine comparisons left)\n",
                        sets[s], flagged,
                        100 * falseNonMatchRate(kept, thresholdForFalseMatchRate(cross, 0.01)),
                        100 * falseNonMatchRate(kept, thresholdForFalseMatchRate(cross, 0.001)),
                        kept.size());
        }
        for (const auto& [protocol, impostor] :
             {std::pair{"cross", &cross}, std::pair{"FVC", &fvc}})
            for (const double fmr : {0.01, 0.001}) {
                const double threshold = thresholdForFalseMatchRate(*impostor, fmr);
                for (const bool byImage : {false, true}) {
                    std::printf("  %s, %s impostors, FMR %g %%, discarding %s:\n   ", sets[s],
                                protocol, 100 * fmr, byImage ? "images" : "comparisons");
                    for (int percent = 0; percent <= 30; percent += 5) {
                        const double fraction = percent / 100.0;
                        const DiscardPoint p =
                            byImage ? fnmrAfterDiscard(
                                          genuine, threshold,
                                          discardQualityThreshold(imageQualities, fraction))
                                    : fnmrAfterDiscardingComparisons(genuine, threshold, fraction);
                        std::printf(" %2d %%: %5.2f [%4.1f %%, %3zu]", percent, 100 * p.fnmr,
                                    100 * p.discardedShare, p.kept);
                    }
                    std::printf("\n");
                }
            }
    }
    return 0;
}
