using Containers.Commands.Containers;
using Containers.Engine.Models;
using Containers.Engine.Streams;
using Containers.Models;
using Xunit;

namespace Containers.Tests.Core.Commands.Containers
{
    /// <summary>The docker CLI's arithmetic (stats_helpers.go) on frames as engines send them.</summary>
    public class StatisticsCalculatorTests
    {
        private static ContainerStatsResponse Parse(string json)
        {
            var reader = new JsonValueReader<ContainerStatsResponse>(new System.IO.MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)));
            return reader.ReadAsync().GetAwaiter().GetResult()!;
        }

        // A cgroup v1 frame as dockerd 20.10 writes it, trimmed.
        private const string CgroupV1Frame = @"{""read"":""2026-11-23T21:00:02.5Z"",""preread"":""2026-11-23T21:00:01.5Z"",
            ""pids_stats"":{""current"":3},
            ""blkio_stats"":{""io_service_bytes_recursive"":[
                {""major"":8,""minor"":0,""op"":""Read"",""value"":4096},{""major"":8,""minor"":0,""op"":""Write"",""value"":8192},
                {""major"":8,""minor"":0,""op"":""Sync"",""value"":8192},{""major"":8,""minor"":0,""op"":""Total"",""value"":12288},
                {""major"":8,""minor"":16,""op"":""Read"",""value"":1000}]},
            ""num_procs"":0,""storage_stats"":{},
            ""cpu_stats"":{""cpu_usage"":{""total_usage"":3000000000,""percpu_usage"":[1500000000,1500000000]},""system_cpu_usage"":20000000000,""online_cpus"":2},
            ""precpu_stats"":{""cpu_usage"":{""total_usage"":2000000000},""system_cpu_usage"":18000000000,""online_cpus"":2},
            ""memory_stats"":{""usage"":10485760,""stats"":{""total_inactive_file"":2097152,""inactive_file"":1048576,""cache"":3000000},""limit"":67108864},
            ""name"":""/web"",""id"":""abc123"",
            ""networks"":{""eth0"":{""rx_bytes"":100,""tx_bytes"":50},""eth1"":{""rx_bytes"":7,""tx_bytes"":3}}}";

        [Fact]
        public void A_cgroup_v1_frame_gives_the_figures_docker_stats_shows()
        {
            ContainerStatsResponse frame = Parse(CgroupV1Frame);
            ContainerStatistics reading = ContainerStatisticsCalculator.FromFrame(frame, null!, "ignored", "ignored");
            Assert.True(ContainerStatisticsCalculator.HasInterval(frame));

            // 1 s of CPU over 2 s of host time on 2 CPUs: one CPU busy.
            Assert.Equal(100.0, reading.CpuPercent, 6);
            Assert.Equal(10485760 - 2097152, reading.MemoryUsage); // total_inactive_file, not inactive_file, on v1
            Assert.Equal(67108864, reading.MemoryLimit);
            Assert.Equal(12.5, reading.MemoryPercent, 6);
            Assert.Equal((107L, 53L), (reading.NetworkReceived, reading.NetworkSent));
            Assert.Equal((5096L, 8192L), (reading.BlockRead, reading.BlockWritten));
            Assert.Equal(3L, reading.Pids);
            Assert.Equal(("abc123", "web"), (reading.Id, reading.Name));
            Assert.Equal(new DateTime(2026, 11, 23, 21, 0, 2, 500, DateTimeKind.Utc).ToLocalTime(), reading.Read);
        }

        [Fact]
        public void A_cgroup_v2_frame_subtracts_inactive_file_and_counts_lower_case_operations()
        {
            ContainerStatsResponse frame = Parse(@"{""read"":""2026-11-23T21:00:02Z"",""preread"":""2026-11-23T21:00:01Z"",
                ""blkio_stats"":{""io_service_bytes_recursive"":[{""major"":254,""minor"":0,""op"":""read"",""value"":10},{""major"":254,""minor"":0,""op"":""write"",""value"":20}]},
                ""cpu_stats"":{""cpu_usage"":{""total_usage"":1500000000},""system_cpu_usage"":104000000000,""online_cpus"":4},
                ""precpu_stats"":{""cpu_usage"":{""total_usage"":1000000000},""system_cpu_usage"":100000000000,""online_cpus"":4},
                ""memory_stats"":{""usage"":5000,""stats"":{""inactive_file"":1000},""limit"":100000}}");
            ContainerStatistics reading = ContainerStatisticsCalculator.FromFrame(frame, null!, "id", "name");
            Assert.Equal(50.0, reading.CpuPercent, 6); // half a CPU of four
            Assert.Equal(4000, reading.MemoryUsage);
            Assert.Equal(4.0, reading.MemoryPercent, 6);
            Assert.Equal((10L, 20L), (reading.BlockRead, reading.BlockWritten));
            Assert.Equal((0L, 0L), (reading.NetworkReceived, reading.NetworkSent)); // no networks at all
            Assert.Null(reading.Pids);
            Assert.Equal(("id", "name"), (reading.Id, reading.Name)); // the frame named neither
        }

        [Fact]
        public void Without_online_CPUs_the_per_CPU_counters_count_them_and_odd_counters_give_zero()
        {
            var frame = new ContainerStatsResponse
            {
                CpuStats = new CpuStats { CpuUsage = new CpuUsage { TotalUsage = 200, PercpuUsage = new List<ulong> { 1, 1, 1, 1 } }, SystemCpuUsage = 1000 },
                PreCpuStats = new CpuStats { CpuUsage = new CpuUsage { TotalUsage = 100 }, SystemCpuUsage = 600 },
            };
            Assert.Equal(100.0, ContainerStatisticsCalculator.CpuPercentUnix(frame), 6); // 100/400 x 4 CPUs

            frame.PreCpuStats.CpuUsage.TotalUsage = 300; // the container's counter went backwards (a restart)
            Assert.Equal(0, ContainerStatisticsCalculator.CpuPercentUnix(frame));
            frame.PreCpuStats = new CpuStats { CpuUsage = new CpuUsage { TotalUsage = 100 }, SystemCpuUsage = 1000 }; // no host time passed
            Assert.Equal(0, ContainerStatisticsCalculator.CpuPercentUnix(frame));

            // Usage at or under the inactive pages (possible between the two reads) counts all of it, as the CLI does.
            Assert.Equal(100UL, ContainerStatisticsCalculator.MemoryUsageWithoutCache(new MemoryStats { Usage = 100, Stats = new Dictionary<string, ulong> { ["total_inactive_file"] = 150 } }));
            Assert.Equal(0UL, ContainerStatisticsCalculator.MemoryUsageWithoutCache(null));
        }

        [Fact]
        public void A_stream_s_first_frame_has_no_interval()
        {
            ContainerStatsResponse first = Parse(@"{""read"":""2026-11-23T21:00:01Z"",""preread"":""0001-01-01T00:00:00Z"",""cpu_stats"":{""cpu_usage"":{""total_usage"":5},""system_cpu_usage"":10}}");
            Assert.False(ContainerStatisticsCalculator.HasInterval(first));

            // What the engine streams for a container that is not running: no times, no counters, a reading of zeros.
            ContainerStatsResponse stopped = Parse(@"{""read"":""0001-01-01T00:00:00Z"",""preread"":""0001-01-01T00:00:00Z"",""name"":""/idle"",""id"":""abc""}");
            Assert.True(ContainerStatisticsCalculator.HasInterval(stopped));
            ContainerStatistics reading = ContainerStatisticsCalculator.FromFrame(stopped, null!, "abc", "idle");
            Assert.Equal((0.0, 0L, 0L), (reading.CpuPercent, reading.MemoryUsage, reading.MemoryLimit));
        }

        [Fact]
        public void A_Windows_frame_measures_CPU_in_100_ns_intervals_and_memory_as_the_private_working_set()
        {
            ContainerStatsResponse frame = Parse(@"{""read"":""2026-11-23T21:00:02Z"",""preread"":""2026-11-23T21:00:01Z"",""num_procs"":4,
                ""cpu_stats"":{""cpu_usage"":{""total_usage"":30000000}},""precpu_stats"":{""cpu_usage"":{""total_usage"":10000000}},
                ""memory_stats"":{""commitbytes"":999,""privateworkingset"":123456},
                ""storage_stats"":{""read_size_bytes"":11,""write_size_bytes"":22}}");
            ContainerStatistics reading = ContainerStatisticsCalculator.FromFrame(frame, null!, "id", "name");
            // 20,000,000 intervals used of 4 x 10,000,000 possible in one second.
            Assert.Equal(50.0, reading.CpuPercent, 6);
            Assert.Equal(123456, reading.MemoryUsage);
            Assert.Equal(0, reading.MemoryLimit);
            Assert.Equal(0, reading.MemoryPercent);
            Assert.Equal((11L, 22L), (reading.BlockRead, reading.BlockWritten));
        }

        [Fact]
        public void Memory_prints_in_binary_units_as_docker_stats_prints_it()
        {
            Assert.Equal("64MiB", global::Containers.Text.ByteSize.FormatBinary(64L * 1024 * 1024));
            Assert.Equal("1.944GiB", global::Containers.Text.ByteSize.FormatBinary(2087354695L));
            Assert.Equal("512KiB", global::Containers.Text.ByteSize.FormatBinary(512 * 1024));
            Assert.Equal("0B", global::Containers.Text.ByteSize.FormatBinary(0));
            Assert.Equal("1.5MiB", global::Containers.Text.ByteSize.FormatBinary(1536 * 1024));
        }
    }
}
