import { table } from "../report"

const machine = { cores: 2, cpu: "Test CPU", memory_gb: 8, node: "v20.0.0", postgres: "PostgreSQL 16.0", platform: "linux-x64" }

describe("the bench's table", () => {
  it("names the machine and quotes each overhead beside the baseline, as a share of it", () => {
    const out = table({
      date: "2026-12-02",
      machine,
      checkout: {
        pairs: 3,
        latency_ms: 50,
        arms: {
          komoju: { median_ms: 300, initiate_ms: 100, complete_ms: 200, komoju_calls: 2, komoju_calls_max: 2, komoju_time_ms: 103, komoju_wait_ms: 108, plugin_ms: 3.2, plugin_by_step_ms: { middleware: 2.4, initiatePayment: 0.6, authorizePayment: 0.2 }, calls_by_kind: { "POST /sessions": 1, "GET /sessions/:id": 1 } },
          system: { median_ms: 200, initiate_ms: 50, complete_ms: 150 },
          komoju_manual: { median_ms: 280, plugin_ms: 3, session_data_bytes: 900 },
          standin: { median_ms: 270, komoju_wait_ms: 104, session_data_bytes: 300 },
          standin_captured: { median_ms: 290 },
        },
        paired: { difference_ms: 104, initiate_difference_ms: 52, complete_difference_ms: 52, overhead_ms: 4, capture_bookkeeping_ms: 20, manual_overhead_ms: -16, beyond_komoju_ms: 1, manual_beyond_komoju_ms: -19, beyond_wait_ms: -4, manual_beyond_wait_ms: -24, server_beyond_wait_ms: 2, manual_server_beyond_wait_ms: 1, standin_beyond_wait_ms: 6, standin_server_beyond_wait_ms: 5, manual_beyond_standin_ms: 4, manual_server_beyond_standin_ms: 3, standin_captured_beyond_wait_ms: 26, standin_captured_server_beyond_wait_ms: 25, auto_beyond_standin_ms: 2, auto_server_beyond_standin_ms: 1, manual_beyond_standin_interval_ms: [-3, 9.5] },
      },
      cpu: { methods: { initiatePayment: 20.5, "webhook signature + parse": 6.1 } },
    })
    const lines = out.split("\n")
    expect(lines[0]).toBe("KOMOJU plugin bench, 2026-12-02: 2 cores (Test CPU), 8 GB, Node v20.0.0, PostgreSQL 16.0, linux-x64")
    expect(lines.slice(2, 4)).toEqual(["| part | measure | value |", "| --- | --- | --- |"])
    expect(out).toContain("| paired median difference, KOMOJU − system | 104 ms (52 % of the baseline); initiate 52 ms, complete 52 ms |")
    expect(out).toContain("| difference − calls × latency | 4 ms (2 % of the baseline) |")
    expect(out).toContain("2 (max 2: POST /sessions ×1, GET /sessions/:id ×1)")
    expect(out).toContain("| difference − KOMOJU's own time: auto capture / manual | 1 ms (0.5 % of the baseline) / -19 ms (-9.5 % of the baseline) |")
    expect(out).toContain("| Medusa's wait for KOMOJU per checkout (its fetch: request → whole answer) | 108 ms |")
    expect(out).toContain("| difference − Medusa's wait for KOMOJU: auto capture / manual | -4 ms (-2 % of the baseline) / -24 ms (-12 % of the baseline) |")
    expect(out).toContain("|   the same in Medusa's HTTP server (its own timing of the two requests): auto / manual | 2 ms (1 % of the baseline) / 1 ms (0.5 % of the baseline) |")
    expect(out).toContain("| the plugin's own time per checkout in Medusa (less its KOMOJU waits): auto / manual | 3.2 ms (1.6 % of the baseline) / 3 ms (1.5 % of the baseline) (middleware 2.4 ms, initiatePayment 0.6 ms, authorizePayment 0.2 ms) |")
    expect(out).toContain("| stand-in provider (the system provider making the same 2 KOMOJU calls): median, authorize only / reporting the capture | 270 ms / 290 ms (wait for KOMOJU 104 ms; session data 300 B, KOMOJU's 900 B) |")
    expect(out).toContain("|   stand-in − system, less its wait (Medusa's cost of a provider that calls out): authorize only / reporting the capture | 6 ms (3 % of the baseline) / 26 ms (13 % of the baseline); server timing 5 ms / 25 ms |")
    expect(out).toContain("|   KOMOJU − stand-in, each less its wait (the plugin's cost beyond such a provider): manual / auto capture | 4 ms (2 % of the baseline) (95 % interval -3 ms … 9.5 ms) / 2 ms (1 % of the baseline); server timing 3 ms / 1 ms |")
    expect(out).toContain("| plugin CPU (stub KOMOJU client, no network) | initiatePayment | 20.5 µs |")
    // Parts not run are left out, not printed empty.
    expect(out).not.toContain("webhooks")
    expect(out).not.toContain("reconciliation")
  })
})
