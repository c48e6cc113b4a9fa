#include "picture/control_rules.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <optional>
#include <set>
#include <tuple>
#include <utility>

namespace sitrep {

std::string FoldActor(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  bool space = false;
  for (char c : name) {
    auto u = static_cast<unsigned char>(c);
    if (std::isspace(u) != 0) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(static_cast<char>(std::tolower(u)));
  }
  return out;
}

SideMap::SideMap(const std::vector<std::vector<std::string>>& sides) {
  for (const auto& side : sides) {
    if (side.empty()) continue;
    for (const auto& name : side) side_of_.emplace(FoldActor(name), side.front());
  }
}

std::string SideMap::SideOf(std::string_view actor) const {
  std::string folded = FoldActor(actor);
  if (folded.empty()) return "";
  if (auto it = side_of_.find(folded); it != side_of_.end()) return it->second;
  // Not a side's name: the actor stands for itself, trimmed.
  size_t b = actor.find_first_not_of(" \t\r\n");
  size_t e = actor.find_last_not_of(" \t\r\n");
  return std::string(actor.substr(b, e - b + 1));
}

int DateSlackDays(DatePrecision precision, const PictureOptions& options) {
  switch (precision) {
    case DatePrecision::kDay:
      return 0;
    case DatePrecision::kApprox:
      return options.slack_days_approx;
    case DatePrecision::kWeek:
      return options.slack_days_week;
    case DatePrecision::kMonth:
      return options.slack_days_month;
  }
  return 0;
}

bool DatesCompatible(const Event& a, const Event& b, int window_days,
                     const PictureOptions& options) {
  if (!a.date.IsValid() || !b.date.IsValid()) return false;
  int gap = std::abs(DaysBetween(a.date, b.date));
  return gap <= window_days + DateSlackDays(a.date_precision, options) +
                    DateSlackDays(b.date_precision, options);
}

namespace {

// Words that, as the object of an act at a place, mean the place itself.
constexpr std::string_view kPlaceNouns[] = {
    "city",
    "town",
    "village",
    "capital",
    "provincial capital",
    "national capital",
    "district capital",
    "regional capital",
    "state capital",
    "provincial centre",
    "provincial center",
    "district centre",
    "district center",
    "city centre",
    "city center",
    "province",
    "district",
    "region",
    "oblast",
    "governorate",
};

}  // namespace

std::string ObjectKey(const Event& event) {
  std::string key = FoldActor(event.object);
  if (key.rfind("the ", 0) == 0) key.erase(0, 4);
  if (key.empty() || key == FoldActor(event.place.name) || key == FoldActor(event.place.text)) {
    return "";
  }
  for (std::string_view noun : kPlaceNouns) {
    if (key == noun) return "";
  }
  return key;
}

bool IsAboutPart(const Event& event) {
  return event.place.precision == GeoPrecision::kFacility || !ObjectKey(event).empty();
}

std::string MergeClass(const Event& event) {
  std::string family = event.cameo.substr(0, std::min<size_t>(2, event.cameo.size()));
  return family + ":" + std::string(ControlEffectName(event.effect));
}

namespace {

// Families whose acts with no control effect of their own (an attack, a
// bombing, an assault) open a contest when fighting follows them: CAMEO 18
// (assault), 19 (fight), 20 (unconventional mass violence).
bool IsAssault(const Event& e) {
  if (e.effect != ControlEffect::kNone || e.cameo.size() < 2) return false;
  std::string_view family(e.cameo.data(), 2);
  return family == "18" || family == "19" || family == "20";
}

bool IsConfirmed(ClaimStatus s) {
  return s == ClaimStatus::kReported || s == ClaimStatus::kAttributed;
}

// The earliest source of an event, as an order-independent tie-breaker:
// events merged in any order have the same sources, not the same id.
std::tuple<std::string, uint32_t, uint32_t> FirstSourceKey(const Event& e) {
  std::tuple<std::string, uint32_t, uint32_t> best{"", 0, 0};
  bool any = false;
  for (const auto& s : e.sources) {
    std::tuple<std::string, uint32_t, uint32_t> k{s.report_id, s.start, s.end};
    if (!any || k < best) best = k;
    any = true;
  }
  return best;
}

// Events sorted by date, then first source, then id.
std::vector<size_t> SortedOrder(const std::vector<Event>& events) {
  std::vector<size_t> order(events.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::vector<std::tuple<std::string, uint32_t, uint32_t>> keys;
  keys.reserve(events.size());
  for (const auto& e : events) keys.push_back(FirstSourceKey(e));
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return std::tie(events[a].date, keys[a], events[a].id) <
           std::tie(events[b].date, keys[b], events[b].id);
  });
  return order;
}

// Start of a siege: its stated start date, else the event's date less the
// duration its quantities give ("for weeks": days_for_weeks), else its date.
Date SiegeStart(const Event& e, const PictureOptions& options) {
  if (e.start_date.IsValid() && e.start_date <= e.date) return e.start_date;
  for (const auto& q : e.quantities) {
    int per = 0;
    int vague = 0;
    if (q.unit == "day" || q.unit == "days") {
      per = 1;
      vague = options.days_for_days;
    } else if (q.unit == "week" || q.unit == "weeks") {
      per = 7;
      vague = options.days_for_weeks;
    } else if (q.unit == "month" || q.unit == "months") {
      per = 30;
      vague = options.days_for_months;
    } else {
      continue;
    }
    int days = q.value > 0 ? static_cast<int>(q.value * per) : vague;
    return e.date.AddDays(-days);
  }
  return e.date;
}

enum class ActKind : uint8_t {
  // In the order acts of one day are applied: a capture the same day as
  // fighting ends the fighting.
  kSiege,
  kAssault,
  kContest,
  kRepel,
  kWithdraw,
  kClaim,
  kCapture,
};

struct Act {
  Date date;  // when it takes effect (a siege: its start)
  ActKind kind = ActKind::kContest;
  std::string side;   // the actor's side: captor, claimant, besieger, defender, withdrawer
  std::string other;  // the target's side
  Date until;         // a siege: the last day it was reported
  std::vector<std::string> ids;
  size_t rank = 0;  // position of its event in date order
  bool dropped = false;
  // A confirmed capture of a part of the place: fighting, unless its side
  // takes the whole place the same day.
  bool part_capture = false;
};

void Append(std::vector<std::string>* to, const std::vector<std::string>& ids) {
  for (const auto& id : ids) {
    if (std::find(to->begin(), to->end(), id) == to->end()) to->push_back(id);
  }
}

struct Siege {
  std::string by;
  Date until;
  std::vector<std::string> evidence;
};
struct Contest {
  std::string by;
  Date last;
  std::vector<std::string> evidence;
};
struct Claim {
  std::string by;
  std::vector<std::string> evidence;
};
struct Assault {
  Date date;
  std::string attacker;
  std::vector<std::string> ids;
};

// Walks the acts day by day and writes the intervals.
class Timeline {
 public:
  Timeline(const ControlInput& input, std::string default_holder)
      : input_(input), holder_(std::move(default_holder)) {
    if (!holder_.empty()) {
      ControlInterval first;
      first.geonameid = input_.geonameid;
      first.place_name = input_.place_name;
      first.holder = holder_;
      out_.push_back(std::move(first));
    }
  }

  void Run(std::vector<Act>& acts) {
    size_t i = 0;
    while (i < acts.size()) {
      Date day = acts[i].date;
      size_t end = i;
      while (end < acts.size() && acts[end].date == day) ++end;
      ExpireBefore(day);
      ResolveCaptures(acts, i, end);
      BeginDay();
      for (size_t k = i; k < end; ++k) {
        if (!acts[k].dropped) Apply(acts[k]);
      }
      EndDay(day);
      i = end;
    }
    ExpireBefore(Date());  // every expiry still pending
  }

  std::vector<ControlInterval> Take() { return std::move(out_); }

 private:
  // The attacker in an act: the first named side that is not the holder.
  std::string Attacker(const Act& a) const {
    if (!a.side.empty() && a.side != holder_) return a.side;
    if (!a.other.empty() && a.other != holder_) return a.other;
    return "";
  }

  ControlStatus Status() const {
    if (claim_) return ControlStatus::kClaimed;
    if (contest_) return ControlStatus::kContested;
    if (siege_) return ControlStatus::kBesieged;
    return ControlStatus::kHeld;
  }
  std::string Challenger() const {
    if (claim_) return claim_->by;
    if (contest_) return contest_->by;
    if (siege_) return siege_->by;
    return "";
  }

  // Ends contests and sieges whose time ran out before `day` (invalid: all).
  void ExpireBefore(Date day) {
    for (;;) {
      std::optional<Date> next;
      if (contest_) next = contest_->last.AddDays(input_.options.contested_expiry_days);
      if (siege_) {
        Date s = siege_->until.AddDays(input_.options.siege_expiry_days);
        if (!next || s < *next) next = s;
      }
      // A report on the very day a contest would expire keeps it going.
      if (!next || (day.IsValid() && *next >= day)) return;
      if (contest_ && contest_->last.AddDays(input_.options.contested_expiry_days) == *next) {
        contest_.reset();
      }
      if (siege_ && siege_->until.AddDays(input_.options.siege_expiry_days) == *next) {
        siege_.reset();
      }
      Emit(*next, {});
    }
  }

  // Same-day captures by two sides, and a change of hands reversed within
  // reversal_days, are fighting: the acts become contests.
  void ResolveCaptures(std::vector<Act>& acts, size_t begin, size_t end) {
    std::set<std::string> captors;
    for (size_t k = begin; k < end; ++k) {
      if (!acts[k].dropped && acts[k].kind == ActKind::kCapture) captors.insert(acts[k].side);
    }
    // Parts taken by a side that takes the whole place today are that capture.
    bool promoted = false;
    for (size_t k = begin; k < end; ++k) {
      Act& a = acts[k];
      if (a.part_capture && a.kind == ActKind::kContest && captors.count(a.side) != 0) {
        a.kind = ActKind::kCapture;
        a.other.clear();
        promoted = true;
      }
    }
    if (promoted) {
      std::stable_sort(acts.begin() + static_cast<long>(begin),
                       acts.begin() + static_cast<long>(end), [](const Act& x, const Act& y) {
                         return std::tie(x.kind, x.rank) < std::tie(y.kind, y.rank);
                       });
    }
    auto demote = [&](Act& a, const std::string& attacker) {
      a.kind = ActKind::kContest;
      a.other = a.side;
      a.side = attacker;
    };
    if (captors.size() > 1) {
      for (size_t k = begin; k < end; ++k) {
        if (!acts[k].dropped && acts[k].kind == ActKind::kCapture) demote(acts[k], acts[k].side);
      }
      return;
    }
    if (captors.size() != 1 || holder_.empty() || *captors.begin() == holder_) return;
    const std::string captor = *captors.begin();
    Date limit = acts[begin].date.AddDays(input_.options.reversal_days);
    bool reversed = false;
    for (size_t k = end; k < acts.size() && acts[k].date <= limit; ++k) {
      if (!acts[k].dropped && acts[k].kind == ActKind::kCapture && acts[k].side == holder_) {
        demote(acts[k], captor);
        reversed = true;
      }
    }
    if (!reversed) return;
    for (size_t k = begin; k < end; ++k) {
      if (!acts[k].dropped && acts[k].kind == ActKind::kCapture) demote(acts[k], captor);
    }
  }

  void BeginDay() {
    holder_changed_ = false;
    siege_opened_ = false;
    contest_opened_ = false;
    claim_opened_ = false;
    change_evidence_.clear();
    contest_start_ = Date();
  }

  void Apply(const Act& a) {
    switch (a.kind) {
      case ActKind::kSiege: {
        if (a.side == holder_ && !holder_.empty()) return;  // a holder does not besiege itself
        if (siege_ && siege_->by == a.side) {
          siege_->until = std::max(siege_->until, a.until);
          return;
        }
        siege_ = Siege{a.side, a.until, a.ids};
        siege_opened_ = true;
        return;
      }
      case ActKind::kAssault: {
        assaults_.push_back(Assault{a.date, Attacker(a), a.ids});
        return;
      }
      case ActKind::kContest: {
        std::string attacker = Attacker(a);
        if (contest_) {
          contest_->last = std::max(contest_->last, a.date);
          if (contest_->by.empty() && !attacker.empty()) {
            contest_->by = attacker;  // the attacker named later: same contest
            Append(&contest_->evidence, a.ids);
            challenger_named_ = true;
          }
          return;
        }
        contest_ = Contest{attacker, a.date, {}};
        contest_opened_ = true;
        // Assaults shortly before, since the last change, open the contest.
        Date since = out_.empty() ? Date() : out_.back().from;
        Date window = a.date.AddDays(-input_.options.contested_expiry_days);
        for (const auto& s : assaults_) {
          if (s.date < window || (since.IsValid() && s.date <= since) || s.date > a.date) continue;
          if (s.date < a.date && (!contest_start_.IsValid() || s.date < contest_start_)) {
            contest_start_ = s.date;
          }
          Append(&contest_->evidence, s.ids);
          if (contest_->by.empty()) contest_->by = s.attacker;
        }
        assaults_.clear();
        Append(&contest_->evidence, a.ids);
        if (contest_->by.empty()) contest_->by = attacker;
        return;
      }
      case ActKind::kRepel: {
        if (holder_.empty() && !a.side.empty()) {
          holder_ = a.side;
          holder_changed_ = true;
          holder_evidence_ = a.ids;
        }
        if (contest_) {
          contest_.reset();
          Append(&change_evidence_, a.ids);
        }
        if (claim_ && (a.other.empty() || a.other == claim_->by)) {
          claim_.reset();
          Append(&change_evidence_, a.ids);
        }
        return;
      }
      case ActKind::kWithdraw: {
        if (a.side.empty()) return;
        if (holder_.empty() || a.side == holder_) {
          if (!a.other.empty() && a.other != a.side) {
            TakeOver(a.other, a.ids);
          } else if (!contest_) {
            holder_ = a.side;
            contest_ = Contest{"", a.date, a.ids};
            contest_opened_ = true;
          } else {
            contest_->last = std::max(contest_->last, a.date);
          }
          return;
        }
        // The attacker gives up: its siege, contest or claim ends.
        if (siege_ && siege_->by == a.side) {
          siege_.reset();
          Append(&change_evidence_, a.ids);
        }
        if (contest_ && (contest_->by == a.side || contest_->by.empty())) {
          contest_.reset();
          Append(&change_evidence_, a.ids);
        }
        if (claim_ && claim_->by == a.side) {
          claim_.reset();
          Append(&change_evidence_, a.ids);
        }
        return;
      }
      case ActKind::kClaim: {
        if (a.side.empty() || a.side == holder_) return;
        if (claim_ && claim_->by == a.side) {
          Append(&claim_->evidence, a.ids);
          return;
        }
        claim_ = Claim{a.side, a.ids};
        claim_opened_ = true;
        return;
      }
      case ActKind::kCapture: {
        if (a.side != holder_) {
          TakeOver(a.side, a.ids);
        } else if (holder_changed_) {
          Append(&holder_evidence_, a.ids);
        } else if (contest_ || siege_ || claim_) {
          contest_.reset();
          siege_.reset();
          claim_.reset();
          Append(&change_evidence_, a.ids);
        }
        return;
      }
    }
  }

  void TakeOver(const std::string& side, const std::vector<std::string>& ids) {
    if (holder_changed_ && holder_ == side) {
      Append(&holder_evidence_, ids);
    } else {
      holder_ = side;
      holder_evidence_ = ids;
      holder_changed_ = true;
    }
    siege_.reset();
    contest_.reset();
    claim_.reset();
    assaults_.clear();
  }

  void EndDay(Date day) {
    std::vector<std::string> evidence;
    ControlStatus status = Status();
    // What opened the interval: the component that sets the status if it
    // began today, else what ended the one before it.
    auto opened = [&](bool today, const std::vector<std::string>& own) {
      return today || change_evidence_.empty() ? own : change_evidence_;
    };
    switch (status) {
      case ControlStatus::kClaimed:
        evidence = opened(claim_opened_, claim_->evidence);
        break;
      case ControlStatus::kContested:
        evidence = opened(contest_opened_, contest_->evidence);
        break;
      case ControlStatus::kBesieged:
        evidence = opened(siege_opened_, siege_->evidence);
        break;
      case ControlStatus::kHeld:
        evidence = holder_changed_ ? holder_evidence_ : change_evidence_;
        break;
    }
    Date from = day;
    if (status == ControlStatus::kContested && contest_start_.IsValid() && !holder_changed_) {
      from = contest_start_;
    }
    // Drop assaults too old to open a contest.
    Date keep = day.AddDays(-input_.options.contested_expiry_days);
    std::erase_if(assaults_, [&](const Assault& s) { return s.date < keep; });
    Emit(from, std::move(evidence));
    challenger_named_ = false;
  }

  // Opens a new interval at `from` if the state differs from the last one.
  void Emit(Date from, std::vector<std::string> evidence) {
    ControlStatus status = Status();
    std::string challenger = Challenger();
    auto same_state = [&](const ControlInterval& iv) {
      return iv.holder == holder_ && iv.status == status && iv.challenger == challenger;
    };
    auto nothing_known = [&] { return holder_.empty() && status == ControlStatus::kHeld; };
    if (out_.empty()) {
      if (nothing_known()) return;
    } else {
      ControlInterval& last = out_.back();
      if (last.holder == holder_ && last.status == status) {
        if (last.challenger == challenger) return;
        if (last.challenger.empty() && challenger_named_) {
          last.challenger = challenger;  // the same contest, its attacker now named
          Append(&last.evidence, evidence);
          return;
        }
      }
      if (last.from.IsValid() && from <= last.from) {
        // A second change on the day of the last one: the day's end state
        // replaces it.
        from = last.from;
        out_.pop_back();
        if (!out_.empty() && same_state(out_.back())) {
          out_.back().to = Date();
          return;
        }
        if (out_.empty() && nothing_known()) return;
      }
      if (!out_.empty()) out_.back().to = from;
    }
    ControlInterval next;
    next.geonameid = input_.geonameid;
    next.place_name = input_.place_name;
    next.holder = holder_;
    next.challenger = std::move(challenger);
    next.status = status;
    next.from = from;
    next.evidence = std::move(evidence);
    out_.push_back(std::move(next));
  }

  const ControlInput& input_;
  std::string holder_;
  std::vector<std::string> holder_evidence_;
  std::optional<Siege> siege_;
  std::optional<Contest> contest_;
  std::optional<Claim> claim_;
  std::vector<Assault> assaults_;
  bool holder_changed_ = false;
  bool siege_opened_ = false;
  bool contest_opened_ = false;
  bool claim_opened_ = false;
  bool challenger_named_ = false;
  std::vector<std::string> change_evidence_;
  Date contest_start_;
  std::vector<ControlInterval> out_;
};

}  // namespace

std::vector<ContradictionPair> FindContradictions(const std::vector<Event>& events,
                                                  const ControlInput& input) {
  const SideMap& sides = *input.sides;
  const PictureOptions& opt = input.options;
  std::vector<size_t> order = SortedOrder(events);
  // Sides and classes once per event; the pairs only among the events that
  // can contradict something (denials, repulses, captures), in date order.
  struct Info {
    std::string side, target_side, merge_class;
  };
  std::vector<Info> info(order.size());
  std::vector<size_t> denials, repels, captures;  // positions in `order`
  for (size_t x = 0; x < order.size(); ++x) {
    const Event& e = events[order[x]];
    if (!e.date.IsValid()) continue;
    info[x] = {sides.SideOf(e.actor), sides.SideOf(e.target), MergeClass(e)};
    if (IsDenial(e)) {
      denials.push_back(x);
    } else if (e.effect == ControlEffect::kRepels) {
      repels.push_back(x);
    } else if (e.effect == ControlEffect::kCaptures && !info[x].side.empty() && !IsAboutPart(e)) {
      captures.push_back(x);
    }
  }
  std::vector<std::tuple<size_t, size_t, ContradictionKind>> found;
  for (size_t x = 0; x < order.size(); ++x) {
    const Event& a = events[order[x]];
    if (IsDenial(a) || !a.date.IsValid()) continue;
    const std::string& a_side = info[x].side;
    for (size_t y : denials) {
      const Event& b = events[order[y]];
      const std::string& b_side = info[y].side;
      if (info[x].merge_class == info[y].merge_class &&
          (a_side.empty() || b_side.empty() || a_side == b_side) &&
          DatesCompatible(a, b, opt.merge_window_days, opt)) {
        found.emplace_back(x, y, ContradictionKind::kDenied);
      }
    }
    if (a.effect != ControlEffect::kCaptures || a_side.empty()) continue;
    for (size_t y : repels) {
      const std::string& attacker = info[y].target_side;
      if ((attacker.empty() || attacker == a_side) && info[y].side != a_side &&
          DatesCompatible(a, events[order[y]], opt.merge_window_days, opt)) {
        found.emplace_back(x, y, ContradictionKind::kRepelled);
      }
    }
    for (size_t y : captures) {
      if (y <= x) continue;
      const Event& b = events[order[y]];
      if (DaysBetween(a.date, b.date) > opt.reversal_days) break;  // date order
      if (info[y].side != a_side) found.emplace_back(x, y, ContradictionKind::kConflictingCaptures);
    }
  }
  std::sort(found.begin(), found.end());
  std::vector<ContradictionPair> out;
  out.reserve(found.size());
  for (const auto& [x, y, kind] : found) out.push_back({order[x], order[y], kind});
  return out;
}

std::vector<ControlInterval> ComputeControl(const std::vector<Event>& events,
                                            const ControlInput& input) {
  const SideMap& sides = *input.sides;
  std::vector<size_t> order = SortedOrder(events);
  std::vector<Act> acts;
  std::vector<long> act_of(events.size(), -1);  // event index -> act index
  for (size_t r = 0; r < order.size(); ++r) {
    const Event& e = events[order[r]];
    if (!e.date.IsValid() || IsDenial(e)) continue;
    Act a;
    a.date = e.date;
    a.side = sides.SideOf(e.actor);
    a.other = sides.SideOf(e.target);
    a.ids = {e.id};
    a.rank = r;
    switch (e.effect) {
      case ControlEffect::kCaptures:
        if (IsAboutPart(e)) {
          // Taking a facility is fighting inside the place (a claim of it too).
          a.kind = ActKind::kContest;
          a.part_capture = IsConfirmed(e.claim) && !a.side.empty();
          if (a.side.empty() && e.claim == ClaimStatus::kClaimed) a.side = sides.SideOf(e.claimant);
        } else if (!IsConfirmed(e.claim)) {
          a.kind = ActKind::kClaim;
          if (a.side.empty()) a.side = sides.SideOf(e.claimant);
        } else {
          // A capture by no one named is fighting for the place.
          a.kind = a.side.empty() ? ActKind::kContest : ActKind::kCapture;
        }
        break;
      case ControlEffect::kContests:
        a.kind = ActKind::kContest;
        break;
      case ControlEffect::kBesieges:
        a.kind = ActKind::kSiege;
        a.date = SiegeStart(e, input.options);
        a.until = e.date;
        break;
      case ControlEffect::kWithdraws:
        a.kind = ActKind::kWithdraw;
        break;
      case ControlEffect::kRepels:
        a.kind = ActKind::kRepel;
        break;
      case ControlEffect::kNone:
        if (!IsAssault(e)) continue;
        a.kind = ActKind::kAssault;
        break;
    }
    act_of[order[r]] = static_cast<long>(acts.size());
    acts.push_back(std::move(a));
  }

  // A capture that is denied or said to be repelled is fighting (or stays a
  // claim), with the contradicting report as evidence; the repulse is
  // folded into it.
  for (const auto& c : FindContradictions(events, input)) {
    if (c.kind == ContradictionKind::kConflictingCaptures) continue;  // the timeline's rule
    long ai = act_of[c.first];
    if (ai < 0) continue;
    Act& a = acts[static_cast<size_t>(ai)];
    if (a.kind != ActKind::kCapture && a.kind != ActKind::kClaim &&
        !(a.kind == ActKind::kContest && events[c.first].effect == ControlEffect::kCaptures)) {
      continue;
    }
    if (a.kind == ActKind::kCapture) {
      a.kind = ActKind::kContest;
      a.other = a.side;
      a.side = "";
    }
    a.part_capture = false;
    a.ids.push_back(events[c.second].id);
    if (long bi = act_of[c.second]; bi >= 0) acts[static_cast<size_t>(bi)].dropped = true;
  }

  std::stable_sort(acts.begin(), acts.end(), [](const Act& x, const Act& y) {
    return std::tie(x.date, x.kind, x.rank) < std::tie(y.date, y.kind, y.rank);
  });

  Timeline timeline(input, sides.SideOf(input.default_holder));
  timeline.Run(acts);
  return timeline.Take();
}

}  // namespace sitrep
