#include "lsp/stdio.h"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace msm::lsp {

int run_stdio(std::istream &in, std::ostream &out, ServerOptions options) {
  std::mutex out_mutex;
  auto send = [&](const json &message) {
    std::lock_guard lock(out_mutex);
    write_frame(out, message);
  };
  std::mutex queue_mutex;
  std::condition_variable queue_ready;
  std::deque<json> queue;
  bool input_ended = false;
  options.post = [&](const json &message) {
    {
      std::lock_guard lock(queue_mutex);
      queue.push_back(message);
    }
    queue_ready.notify_one();
  };
  Server server(send, options);

  std::thread reader([&] {
    FrameReader frames(in);
    for (;;) {
      Frame frame = frames.next();
      if (frame.kind == Frame::Kind::End) break;
      if (frame.kind != Frame::Kind::Message) {
        send(error_response(nullptr, frame.kind == Frame::Kind::TooLarge ? k_invalid_request : k_parse_error, frame.detail));
        continue;
      }
      json message;
      try {
        message = json::parse(frame.body);
      } catch (const json::exception &e) {
        send(error_response(nullptr, k_parse_error, std::string("invalid JSON: ") + e.what()));
        continue;
      }
      std::string method;
      if (auto m = message.is_object() ? message.find("method") : message.end(); m != message.end() && m->is_string())
        method = m->get<std::string>();
      if (method == "$/cancelRequest") {
        // Applied here, not queued: the request it names may be waiting behind a slow one.
        if (auto params = message.find("params"); params != message.end() && params->is_object() && params->contains("id"))
          server.cancel(params->at("id"));
        continue;
      }
      {
        std::lock_guard lock(queue_mutex);
        queue.push_back(std::move(message));
      }
      queue_ready.notify_one();
      if (method == "exit") break;  // nothing after exit is read
    }
    std::lock_guard lock(queue_mutex);
    input_ended = true;
    queue_ready.notify_one();
  });

  for (;;) {
    json message;
    bool have = false;
    {
      std::unique_lock lock(queue_mutex);
      auto ready = [&] { return !queue.empty() || input_ended; };
      if (auto deadline = server.next_deadline()) {
        queue_ready.wait_until(lock, *deadline, ready);
      } else {
        queue_ready.wait(lock, ready);
      }
      if (!queue.empty()) {
        message = std::move(queue.front());
        queue.pop_front();
        have = true;
      } else if (input_ended) {
        break;
      }
    }
    if (have) server.handle(message);
    if (server.exit_requested()) break;
    server.publish_due(Clock::now());
  }
  reader.join();
  return server.exit_requested() ? server.exit_code() : 1;
}

}  // namespace msm::lsp
