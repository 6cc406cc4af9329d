// Decimal: units / 10^scale in an int64, every intermediate in 128 bits.
#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

#include "clause_scan/numbers.h"

namespace clause_scan {
namespace {

using Wide = __int128;  // holds any int64 times 10^24, so products and alignment never wrap

constexpr int kMaxScale = 12;

constexpr Wide pow10(int exponent) {
  Wide result = 1;
  for (int i = 0; i < exponent; ++i) result *= 10;
  return result;
}

bool fits_int64(Wide value) {
  return value >= std::numeric_limits<std::int64_t>::min() &&
         value <= std::numeric_limits<std::int64_t>::max();
}

// units / 10^divisor_exponent, halves rounded away from zero.
Wide divide_rounded(Wide units, int divisor_exponent) {
  if (divisor_exponent <= 0) return units;
  const Wide divisor = pow10(divisor_exponent);
  Wide quotient = units / divisor;
  const Wide remainder = units % divisor;
  const Wide twice = remainder < 0 ? -remainder * 2 : remainder * 2;
  if (twice >= divisor) quotient += units < 0 ? -1 : 1;
  return quotient;
}

// Brings a wide result back into a Decimal: trailing zeros above `keep_scale` are dropped,
// digits past kMaxScale are rounded off, and a value that still does not fit is an overflow.
std::optional<Decimal> narrow(Wide units, int scale, int keep_scale) {
  while (scale > keep_scale && units % 10 == 0) {
    units /= 10;
    --scale;
  }
  if (scale > kMaxScale) {
    units = divide_rounded(units, scale - kMaxScale);
    scale = kMaxScale;
  }
  while (!fits_int64(units) && scale > 0 && units % 10 == 0) {
    units /= 10;
    --scale;
  }
  if (!fits_int64(units)) return std::nullopt;
  return Decimal::from_units(static_cast<std::int64_t>(units), scale);
}

Wide aligned(const Decimal& value, int scale) {
  return static_cast<Wide>(value.units()) * pow10(scale - value.scale());
}

// Digits of |units| with the decimal point `scale` places from the right ("0.05", "30").
std::string plain_digits(Wide units, int scale) {
  const bool negative = units < 0;
  if (negative) units = -units;
  std::string digits;
  do {
    digits.push_back(static_cast<char>('0' + static_cast<int>(units % 10)));
    units /= 10;
  } while (units > 0);
  while (static_cast<int>(digits.size()) <= scale) digits.push_back('0');
  std::reverse(digits.begin(), digits.end());
  if (scale > 0) digits.insert(digits.size() - static_cast<std::size_t>(scale), 1, '.');
  if (negative) digits.insert(digits.begin(), '-');
  return digits;
}

}  // namespace

Decimal Decimal::from_units(std::int64_t units, int scale) {
  Decimal result;
  result.units_ = units;
  result.scale_ = std::clamp(scale, 0, kMaxScale);
  return result;
}

// Grammar: [+-] digits [ , 3 digits ]* [ . digits ]. Groups of three after the first, so
// "1,977,800.00" is accepted and "19,77,800" is not.
std::optional<Decimal> Decimal::parse(std::string_view text) {
  std::size_t pos = 0;
  const bool negative = !text.empty() && text[0] == '-';
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) pos = 1;
  Wide units = 0;
  int integer_digits = 0, group_digits = 0, scale = 0;
  bool grouped = false, in_fraction = false;
  for (; pos < text.size(); ++pos) {
    const char c = text[pos];
    if (c >= '0' && c <= '9') {
      units = units * 10 + (c - '0');
      constexpr Wide kTooManyDigits = pow10(30);
      if (units > kTooManyDigits) return std::nullopt;
      if (in_fraction)
        ++scale;
      else
        ++integer_digits, ++group_digits;
    } else if (c == ',' && !in_fraction && integer_digits > 0) {
      if ((grouped && group_digits != 3) || (!grouped && group_digits > 3)) return std::nullopt;
      grouped = true;
      group_digits = 0;
    } else if (c == '.' && !in_fraction && integer_digits > 0) {
      in_fraction = true;
    } else {
      return std::nullopt;
    }
  }
  if (integer_digits == 0 || (grouped && group_digits != 3)) return std::nullopt;
  if (in_fraction && scale == 0) return std::nullopt;  // "30." is not a number
  while (scale > kMaxScale && units % 10 == 0) units /= 10, --scale;
  if (scale > kMaxScale) return std::nullopt;  // more precision than a Decimal holds
  return narrow(negative ? -units : units, scale, scale);
}

std::optional<Decimal> Decimal::add(Decimal other) const {
  const int scale = std::max(scale_, other.scale_);
  return narrow(aligned(*this, scale) + aligned(other, scale), scale, scale);
}

std::optional<Decimal> Decimal::sub(Decimal other) const {
  const int scale = std::max(scale_, other.scale_);
  return narrow(aligned(*this, scale) - aligned(other, scale), scale, scale);
}

std::optional<Decimal> Decimal::mul(Decimal other) const {
  const Wide product = static_cast<Wide>(units_) * other.units_;
  return narrow(product, scale_ + other.scale_, std::max(scale_, other.scale_));
}

std::optional<Decimal> Decimal::percent_of(Decimal percent) const {
  const Wide product = static_cast<Wide>(units_) * percent.units_;
  return narrow(product, scale_ + percent.scale_ + 2, std::max(scale_, percent.scale_));
}

Decimal Decimal::round(int places) const {
  places = std::clamp(places, 0, kMaxScale);
  if (places >= scale_) return *this;
  // |units| only shrinks, so the result always fits.
  return from_units(static_cast<std::int64_t>(divide_rounded(units_, scale_ - places)), places);
}

bool operator==(const Decimal& a, const Decimal& b) {
  const int scale = std::max(a.scale_, b.scale_);
  return aligned(a, scale) == aligned(b, scale);
}

std::strong_ordering operator<=>(const Decimal& a, const Decimal& b) {
  const int scale = std::max(a.scale_, b.scale_);
  const Wide left = aligned(a, scale), right = aligned(b, scale);
  if (left < right) return std::strong_ordering::less;
  if (left > right) return std::strong_ordering::greater;
  return std::strong_ordering::equal;
}

std::string Decimal::to_string() const {
  Wide units = units_;
  int scale = scale_;
  while (scale > 0 && units % 10 == 0) units /= 10, --scale;
  return plain_digits(units, scale);
}

std::string Decimal::to_fixed(int places) const {
  places = std::clamp(places, 0, kMaxScale);
  const Decimal rounded = round(places);
  return plain_digits(aligned(rounded, places), places);
}

std::string Decimal::to_grouped(int places) const {
  std::string text = to_fixed(places);
  const std::size_t sign = text[0] == '-' ? 1 : 0;
  std::size_t integer_end = text.find('.');
  if (integer_end == std::string::npos) integer_end = text.size();
  for (std::size_t cut = integer_end; cut > sign + 3; cut -= 3) text.insert(cut - 3, 1, ',');
  return text;
}

std::string format_money(Decimal value) { return value.to_fixed(2); }

std::string with_currency(std::string figure, std::string_view currency) {
  if (currency != "CNY") figure.append(" ").append(currency);
  return figure;
}

std::string format_percent(Decimal percent) { return percent.to_string(); }

}  // namespace clause_scan
