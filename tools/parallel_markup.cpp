#include "parallel_markup.hpp"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <thread>
#include <vector>

#include "parallel_convert.hpp"

namespace ortaq::cli {
namespace {

constexpr std::size_t kLargeSegment = 1 << 20;  // a text segment this long is cut into pieces

// Consecutive segments [first, last), converted by one thread into `output`; or one large
// text segment, converted by all of them.
struct Batch {
  std::size_t first = 0, last = 0;
  bool large = false;
  std::string output;
  ConversionStats stats;
};

// Converts a run of segments as TransliterateMarkup does: text converted, markup copied,
// -{ }- markers dropped. False on any failure.
bool ConvertBatch(const Transliterator& t, std::string_view input, const std::vector<MarkupSegment>& segments,
                  Batch* batch) {
  std::string converted;
  for (std::size_t i = batch->first; i < batch->last; ++i) {
    const MarkupSegment& segment = segments[i];
    const std::string_view text = input.substr(segment.begin, segment.end - segment.begin);
    if (segment.kind == SegmentKind::kConvert) {
      if (!t.Transliterate(text, &converted, nullptr, &batch->stats).ok()) return false;
      batch->output.append(converted);
    } else if (segment.kind == SegmentKind::kCopy) {
      batch->output.append(text);
    }
  }
  return true;
}

// One large text segment through the piece-cutting conversion of plain text.
bool ConvertLarge(const Transliterator& t, std::string_view text, int jobs, std::string* output,
                  ConversionStats* stats) {
  const ReadFunction read = [&](char* buffer, std::size_t size, std::size_t* got, std::string*) {
    *got = std::min(size, text.size());
    if (*got > 0) std::memcpy(buffer, text.data(), *got);  // data() may be null when empty
    text.remove_prefix(*got);
    return true;
  };
  const WriteFunction write = [output](std::string_view bytes, std::string*) {
    output->append(bytes);
    return true;
  };
  return ConvertInParallel(t, read, jobs, write, stats).ok();
}

// Runs of segments of about `target` bytes; each large text segment alone.
std::vector<Batch> MakeBatches(const std::vector<MarkupSegment>& segments, std::size_t target) {
  const auto large = [&](std::size_t i) {
    return segments[i].kind == SegmentKind::kConvert && segments[i].end - segments[i].begin >= kLargeSegment;
  };
  std::vector<Batch> batches;
  for (std::size_t i = 0; i < segments.size();) {
    Batch batch;
    batch.first = i;
    if (large(i)) {
      batch.large = true;
      ++i;
    } else {
      for (std::size_t bytes = 0; i < segments.size() && !large(i) && bytes < target; ++i)
        bytes += segments[i].end - segments[i].begin;
    }
    batch.last = i;
    batches.push_back(std::move(batch));
  }
  return batches;
}

}  // namespace

Status ConvertMarkupInParallel(const Transliterator& t, Format format, std::string_view input, int jobs,
                               std::string* output, ConversionStats* stats) {
  try {
    std::vector<MarkupSegment> segments;
    if (Status status = SegmentMarkup(format, input, &segments); !status.ok()) return status;
    // Several runs per thread, so that one run of slow text does not hold the others up.
    const std::size_t target =
        std::clamp<std::size_t>(input.size() / (static_cast<std::size_t>(jobs) * 8), 1 << 16, kLargeSegment);
    std::vector<Batch> batches = MakeBatches(segments, target);
    std::atomic<std::size_t> next{0};
    std::atomic<bool> failed{false};
    {
      std::vector<std::jthread> threads;
      for (int k = 0; k < jobs; ++k)
        threads.emplace_back([&] {
          for (std::size_t i; (i = next++) < batches.size() && !failed;)
            if (!batches[i].large && !ConvertBatch(t, input, segments, &batches[i])) failed = true;
        });
    }
    for (Batch& batch : batches) {
      if (!batch.large || failed) continue;
      const MarkupSegment& segment = segments[batch.first];
      if (!ConvertLarge(t, input.substr(segment.begin, segment.end - segment.begin), jobs, &batch.output, &batch.stats))
        failed = true;
    }
    // The one-thread conversion says where and why (invalid UTF-8 as a position in the whole input).
    if (failed) return TransliterateMarkup(t, format, input, output, nullptr, stats);
    output->clear();
    for (const Batch& batch : batches) {
      output->append(batch.output);
      if (stats) AddStats(batch.stats, stats);
    }
    return Status();
  } catch (const std::exception& e) {
    return Status(StatusCode::kInternal, std::string("internal error: ") + e.what());
  }
}

}  // namespace ortaq::cli
