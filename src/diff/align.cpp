// align.cpp: which clause of the old version became which clause of the new one.
//
// The passes are those of diff.h: heads, unique anchors in order (patience), identical texts
// between anchors (Hunt-Szymanski LCS), similar texts between matches (Dice over character
// bigrams), then identical and similar texts anywhere. Each pass only looks at what the
// previous ones left, and none compares every clause with every other one of a large
// document: a large gap goes through an inverted index of bigrams.
#include <algorithm>
#include <cmath>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "diff/align.h"

namespace clause_scan::diff {
namespace {

constexpr std::size_t kMaxRepeats = 64;       // LCS: a text more frequent in a gap is skipped
constexpr std::size_t kAllPairsLimit = 4096;  // a gap with fewer pairs compares them all
constexpr std::size_t kMaxPostings = 64;      // index: a bigram found in more units is skipped
constexpr std::size_t kCandidatesPerUnit = 16;
constexpr double kSimilar = 0.5;
constexpr double kSimilarSameNumber = 0.3;
constexpr double kSimilarFar = 0.6;
constexpr double kSameNumberBonus = 0.05;
constexpr double kDistancePenalty = 0.01;

// Indices of a longest strictly increasing subsequence of `values`, O(n log n).
std::vector<int> longest_increasing(const std::vector<int>& values) {
  std::vector<int> tails;  // tails[k]: index of the smallest last value of a run of k+1
  std::vector<int> previous(values.size(), -1);
  for (int i = 0; i < static_cast<int>(values.size()); ++i) {
    auto at = std::lower_bound(tails.begin(), tails.end(), values[i],
                               [&](int tail, int value) { return values[tail] < value; });
    if (at != tails.begin()) previous[i] = *(at - 1);
    if (at == tails.end()) {
      tails.push_back(i);
    } else {
      *at = i;
    }
  }
  std::vector<int> chain(tails.size());
  int position = static_cast<int>(tails.size());
  for (int k = tails.empty() ? -1 : tails.back(); k >= 0; k = previous[k]) chain[--position] = k;
  return chain;
}

// UTF-8 bytes of the character at `at` packed into 32 bits; `at` moves past it.
std::uint32_t next_char(std::string_view text, std::size_t& at) {
  std::uint32_t code = static_cast<unsigned char>(text[at++]);
  while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) {
    code = (code << 8) | static_cast<unsigned char>(text[at++]);
  }
  return code;
}

// Half-open ranges of units between two consecutive matches.
struct Gap {
  int a_begin, a_end, b_begin, b_end;
};

struct Candidate {
  double rank;  // score plus the tie-breaks
  int a;
  int b;
};

class Aligner {
 public:
  Aligner(const std::vector<Unit>& olds, const std::vector<Unit>& news)
      : a_(olds),
        b_(news),
        a_to_b_(olds.size(), -1),
        b_to_a_(news.size(), -1),
        a_grams_(olds.size()),
        b_grams_(news.size()),
        a_has_grams_(olds.size(), false),
        b_has_grams_(news.size(), false) {}

  Alignment run() {
    assign_ids();
    pair_heads();
    match_unique_anchors();
    for (const Gap& gap : gaps()) match_identical_in(gap);
    for (const Gap& gap : gaps()) match_similar_in(gap);
    match_leftovers();
    return Alignment{a_to_b_, b_to_a_, find_moved()};
  }

 private:
  int size_a() const { return static_cast<int>(a_.size()); }
  int size_b() const { return static_cast<int>(b_.size()); }
  void match(int a, int b) {
    a_to_b_[a] = b;
    b_to_a_[b] = a;
  }

  // Equal keys get equal ids; an empty key gets -1 (it says nothing about identity).
  void assign_ids() {
    std::unordered_map<std::string_view, int> ids;
    auto id_of = [&](const Unit& unit) {
      if (unit.key.empty()) return -1;
      return ids.try_emplace(unit.key, static_cast<int>(ids.size())).first->second;
    };
    for (const Unit& unit : a_) a_id_.push_back(id_of(unit));
    for (const Unit& unit : b_) b_id_.push_back(id_of(unit));
    id_count_ = static_cast<int>(ids.size());
  }

  void pair_heads() {
    if (!a_.empty() && !b_.empty() && a_[0].is_head() && b_[0].is_head()) match(0, 0);
  }

  // Texts found once in each version, kept where they are in the same order.
  void match_unique_anchors() {
    std::vector<int> count_a(id_count_, 0), count_b(id_count_, 0), where_b(id_count_, -1);
    for (int a = 0; a < size_a(); ++a)
      if (a_id_[a] >= 0) ++count_a[a_id_[a]];
    for (int b = 0; b < size_b(); ++b) {
      if (b_id_[b] < 0) continue;
      ++count_b[b_id_[b]];
      where_b[b_id_[b]] = b;
    }
    std::vector<std::pair<int, int>> anchors;
    for (int a = 0; a < size_a(); ++a) {
      int id = a_id_[a];
      if (id < 0 || count_a[id] != 1 || count_b[id] != 1) continue;
      if (a_to_b_[a] < 0 && b_to_a_[where_b[id]] < 0) anchors.emplace_back(a, where_b[id]);
    }
    std::vector<int> b_values;
    for (const auto& anchor : anchors) b_values.push_back(anchor.second);
    for (int k : longest_increasing(b_values)) match(anchors[k].first, anchors[k].second);
  }

  // The gaps between consecutive matches. REQUIRES: the matches so far are in order.
  std::vector<Gap> gaps() const {
    std::vector<Gap> result;
    int last_a = -1, last_b = -1;
    auto close = [&](int a, int b) {
      if (a > last_a + 1 && b > last_b + 1) result.push_back(Gap{last_a + 1, a, last_b + 1, b});
      last_a = a;
      last_b = b;
    };
    for (int a = 0; a < size_a(); ++a)
      if (a_to_b_[a] >= 0) close(a, a_to_b_[a]);
    close(size_a(), size_b());
    return result;
  }

  // Longest common subsequence of the texts of a gap (Hunt-Szymanski: O(r log n) for r
  // pairs of equal texts).
  void match_identical_in(const Gap& gap) {
    std::unordered_map<int, std::vector<int>> where;  // id -> new units in the gap
    for (int b = gap.b_begin; b < gap.b_end; ++b)
      if (b_id_[b] >= 0) where[b_id_[b]].push_back(b);
    struct Node {
      int a, b, previous;
    };
    std::vector<Node> nodes;
    std::vector<int> tail_b, tail_node;  // per chain length: smallest last b, its node
    for (int a = gap.a_begin; a < gap.a_end; ++a) {
      auto found = a_id_[a] < 0 ? where.end() : where.find(a_id_[a]);
      if (found == where.end() || found->second.size() > kMaxRepeats) continue;
      for (auto b = found->second.rbegin(); b != found->second.rend(); ++b) {
        std::size_t k = std::lower_bound(tail_b.begin(), tail_b.end(), *b) - tail_b.begin();
        nodes.push_back(Node{a, *b, k > 0 ? tail_node[k - 1] : -1});
        if (k == tail_b.size()) {
          tail_b.push_back(*b);
          tail_node.push_back(static_cast<int>(nodes.size()) - 1);
        } else {
          tail_b[k] = *b;
          tail_node[k] = static_cast<int>(nodes.size()) - 1;
        }
      }
    }
    for (int n = tail_node.empty() ? -1 : tail_node.back(); n >= 0; n = nodes[n].previous)
      match(nodes[n].a, nodes[n].b);
  }

  const Bigrams& grams_a(int a) {
    if (!a_has_grams_[a]) a_grams_[a] = bigrams_of(a_[a].key), a_has_grams_[a] = true;
    return a_grams_[a];
  }
  const Bigrams& grams_b(int b) {
    if (!b_has_grams_[b]) b_grams_[b] = bigrams_of(b_[b].key), b_has_grams_[b] = true;
    return b_grams_[b];
  }

  bool same_number(int a, int b) const {
    return !a_[a].is_head() && !a_[a].number.empty() && a_[a].number == b_[b].number;
  }

  // Similar units of a gap; the number and the position in the gap break ties.
  void match_similar_in(const Gap& gap) {
    std::vector<int> as, bs;
    for (int a = gap.a_begin; a < gap.a_end; ++a)
      if (a_to_b_[a] < 0) as.push_back(a);
    for (int b = gap.b_begin; b < gap.b_end; ++b)
      if (b_to_a_[b] < 0) bs.push_back(b);
    if (as.empty() || bs.empty()) return;
    auto accept = [&](int a, int b, double score) -> std::optional<double> {
      bool number = same_number(a, b);
      if (score < (number ? kSimilarSameNumber : kSimilar)) return std::nullopt;
      double where_a = double(a - gap.a_begin) / (gap.a_end - gap.a_begin);
      double where_b = double(b - gap.b_begin) / (gap.b_end - gap.b_begin);
      return score + (number ? kSameNumberBonus : 0) -
             kDistancePenalty * std::abs(where_a - where_b);
    };
    take_best(candidates(as, bs, accept));
  }

  // What the gaps left: identical texts anywhere, then similar ones.
  void match_leftovers() {
    std::unordered_map<int, std::vector<int>> unmatched_b;  // id -> new units, last first
    for (int b = size_b() - 1; b >= 0; --b)
      if (b_to_a_[b] < 0 && b_id_[b] >= 0) unmatched_b[b_id_[b]].push_back(b);
    for (int a = 0; a < size_a(); ++a) {
      if (a_to_b_[a] >= 0 || a_id_[a] < 0) continue;
      auto found = unmatched_b.find(a_id_[a]);
      if (found == unmatched_b.end() || found->second.empty()) continue;
      match(a, found->second.back());
      found->second.pop_back();
    }
    std::vector<int> as, bs;
    for (int a = 0; a < size_a(); ++a)
      if (a_to_b_[a] < 0) as.push_back(a);
    for (int b = 0; b < size_b(); ++b)
      if (b_to_a_[b] < 0) bs.push_back(b);
    if (as.empty() || bs.empty()) return;
    auto accept = [&](int, int, double score) -> std::optional<double> {
      if (score < kSimilarFar) return std::nullopt;
      return score;
    };
    take_best(candidates(as, bs, accept));
  }

  // Scored pairs of `as` x `bs` that `accept` ranks: all pairs when there are few, else the
  // pairs that share the most uncommon bigrams. A head only meets a head.
  template <typename Accept>
  std::vector<Candidate> candidates(const std::vector<int>& as, const std::vector<int>& bs,
                                    const Accept& accept) {
    std::vector<Candidate> found;
    auto consider = [&](int a, int b) {
      if (a_[a].is_head() != b_[b].is_head()) return;
      if (auto rank = accept(a, b, dice(grams_a(a), grams_b(b)))) found.push_back({*rank, a, b});
    };
    if (as.size() * bs.size() <= kAllPairsLimit) {
      for (int a : as)
        for (int b : bs) consider(a, b);
      return found;
    }
    std::unordered_map<std::uint64_t, std::vector<int>> postings;  // bigram -> index in as
    for (int i = 0; i < static_cast<int>(as.size()); ++i)
      for (std::uint64_t gram : grams_a(as[i])) postings[gram].push_back(i);
    std::vector<int> shared(as.size(), 0), touched;
    for (int b : bs) {
      for (std::uint64_t gram : grams_b(b)) {
        auto list = postings.find(gram);
        if (list == postings.end() || list->second.size() > kMaxPostings) continue;
        for (int i : list->second)
          if (shared[i]++ == 0) touched.push_back(i);
      }
      std::size_t keep = std::min(touched.size(), kCandidatesPerUnit);
      std::partial_sort(touched.begin(), touched.begin() + keep, touched.end(),
                        [&](int x, int y) { return shared[x] > shared[y]; });
      for (std::size_t k = 0; k < keep; ++k) consider(as[touched[k]], b);
      for (int i : touched) shared[i] = 0;
      touched.clear();
    }
    return found;
  }

  void take_best(std::vector<Candidate> found) {
    std::sort(found.begin(), found.end(), [](const Candidate& x, const Candidate& y) {
      if (x.rank != y.rank) return x.rank > y.rank;
      return std::pair(x.a, x.b) < std::pair(y.a, y.b);
    });
    for (const Candidate& candidate : found) {
      if (a_to_b_[candidate.a] < 0 && b_to_a_[candidate.b] < 0) match(candidate.a, candidate.b);
    }
  }

  // Off the longest in-order chain of matches, or under a parent that became another one.
  std::vector<bool> find_moved() const {
    std::vector<int> matched_a, b_values;
    for (int a = 0; a < size_a(); ++a) {
      if (a_to_b_[a] < 0) continue;
      matched_a.push_back(a);
      b_values.push_back(a_to_b_[a]);
    }
    std::vector<bool> moved(a_.size(), false);
    for (int a : matched_a) moved[a] = true;
    for (int k : longest_increasing(b_values)) moved[matched_a[k]] = false;
    for (int a : matched_a) moved[a] = moved[a] || parent_changed(a);
    return moved;
  }

  bool parent_changed(int a) const {
    int old_parent = a_[a].parent;
    int new_parent = b_[a_to_b_[a]].parent;
    if (old_parent >= 0 && a_to_b_[old_parent] >= 0) return a_to_b_[old_parent] != new_parent;
    if (new_parent >= 0 && b_to_a_[new_parent] >= 0) return b_to_a_[new_parent] != old_parent;
    return false;  // both parents absent or both unmatched (a reworded heading)
  }

  const std::vector<Unit>& a_;
  const std::vector<Unit>& b_;
  std::vector<int> a_id_, b_id_;
  int id_count_ = 0;
  std::vector<int> a_to_b_, b_to_a_;
  std::vector<Bigrams> a_grams_, b_grams_;
  std::vector<bool> a_has_grams_, b_has_grams_;
};

}  // namespace

Bigrams bigrams_of(std::string_view text) {
  Bigrams grams;
  std::size_t at = 0;
  if (text.empty()) return grams;
  std::uint32_t previous = next_char(text, at);
  if (at == text.size()) return Bigrams{std::uint64_t{previous} | (std::uint64_t{1} << 63)};
  grams.reserve(text.size() / 2);
  while (at < text.size()) {
    std::uint32_t current = next_char(text, at);
    grams.push_back((std::uint64_t{previous} << 32) | current);
    previous = current;
  }
  std::sort(grams.begin(), grams.end());
  grams.erase(std::unique(grams.begin(), grams.end()), grams.end());
  return grams;
}

double dice(const Bigrams& a, const Bigrams& b) {
  if (a.empty() && b.empty()) return 1.0;
  std::size_t shared = 0;
  for (std::size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++shared, ++i, ++j;
    }
  }
  return 2.0 * static_cast<double>(shared) / static_cast<double>(a.size() + b.size());
}

Alignment align_units(const std::vector<Unit>& olds, const std::vector<Unit>& news) {
  return Aligner(olds, news).run();
}

}  // namespace clause_scan::diff
