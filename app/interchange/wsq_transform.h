#pragma once

#include "app/interchange/wsq_tree.h"

#include <vector>

namespace umbral::interchange::wsq {

/// An analysis filter pair as carried in the WSQ transform table (DTT): odd lengths,
/// whole-sample symmetric, both listed in full (index length/2 is the centre tap).
/// The lowpass output k is centred on input sample 2k, the highpass output k on 2k+1.
struct FilterBank {
    std::vector<double> lowpass;
    std::vector<double> highpass;
};

/// The WSQ specification's 9/7 biorthogonal pair (Part 3, encoder parameters).
const FilterBank& standardFilterBank();

/// Longest filter we accept from a transform table. The specification allows 31 taps.
constexpr int kMaxFilterLength = 31;

/// Throws InterchangeError unless `bank` is usable: odd lengths from 1 to kMaxFilterLength,
/// symmetric. (Even-length, half-sample symmetric banks are legal WSQ but not supported.)
void requireSupportedFilterBank(const FilterBank& bank);

/// Forward WSQ transform in place: `plane` (width x height, row major) becomes the 64 subbands
/// laid out as in `tree`. Signals are extended by whole-sample symmetric reflection at both ends.
void analyze(std::vector<float>& plane, int width, int height, const WsqTree& tree,
             const FilterBank& bank);

/// Inverse of analyze(): the synthesis filters are derived from the analysis pair
/// (g0[m] = (-1)^m h1[m], g1[m] = (-1)^m h0[m]), so any perfect-reconstruction odd pair works.
void synthesize(std::vector<float>& plane, int width, int height, const WsqTree& tree,
                const FilterBank& bank);

} // namespace umbral::interchange::wsq
