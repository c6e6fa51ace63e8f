using System.Runtime.ExceptionServices;
using Containers.Errors;
using Containers.Models;
using Containers.Output;

namespace Containers.Commands.Fleet
{
    /// <summary>
    /// Runs one command on many engines at once: at most <c>throttleLimit</c> at a time, their output written as it comes
    /// (each object carries its Engine; errors, warnings and confirmation questions are led by the engine's name), and an engine that fails (unreachable, refused, timed out, or any error that
    /// stops the command on it) reported once as a non-terminating error naming it while the others go on. A mistake in
    /// the caller's arguments is the same mistake on every engine: it stops them all and is thrown once. Cancelling stops
    /// every engine's call at once. When it takes longer than a moment, progress says how many engines have answered.
    /// </summary>
    /// <remarks>
    /// Under the cmdlets every continuation resumes on the pipeline thread, so output is only ever written there; under
    /// tests without that context the counters are still safe, as they are interlocked.
    /// </remarks>
    public static class EngineFleet
    {
        /// <summary>How many engines are asked at once unless -ThrottleLimit says otherwise (as Invoke-Command's default).</summary>
        public const int DefaultThrottleLimit = 32;

        /// <summary>Progress appears only for a run that takes longer than this.</summary>
        public static readonly TimeSpan ProgressDelay = TimeSpan.FromSeconds(1);

        private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);

        /// <summary>The progress bar of the engines answered; each engine's own command keeps its own ids under it.</summary>
        public const int ProgressActivityId = 46;

        public static async Task RunAsync(
            IReadOnlyList<ContainerEngine> engines,
            int throttleLimit,
            ICommandOutput output,
            Func<ContainerEngine, ICommandOutput, CancellationToken, Task> act,
            CancellationToken cancellationToken)
        {
            if (throttleLimit < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(throttleLimit), throttleLimit, "At least one engine must be asked at a time.");
            }

            using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            using var gate = new SemaphoreSlim(throttleLimit);
            var run = new FleetRun(engines.Count);
            Task all = Task.WhenAll(engines.Select(engine => RunOneAsync(engine, gate, act, output, run, stopping)).ToList());
            await ReportProgressUntilAsync(all, run, output);
            await all;

            cancellationToken.ThrowIfCancellationRequested();
            run.Mistake?.Throw();
        }

        private static async Task RunOneAsync(
            ContainerEngine engine,
            SemaphoreSlim gate,
            Func<ContainerEngine, ICommandOutput, CancellationToken, Task> act,
            ICommandOutput output,
            FleetRun run,
            CancellationTokenSource stopping)
        {
            try
            {
                await gate.WaitAsync(stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return; // stopped before its turn came
            }

            try
            {
                await act(engine, new OneEngineOutput(output, engine), stopping.Token);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                // Stopped with the others: the caller's Ctrl+C, or another engine's report of the caller's mistake.
            }
            catch (ArgumentException mistake)
            {
                run.RecordMistake(mistake);
                stopping.Cancel();
            }
            catch (Exception e)
            {
                output.WriteError(FailedOn(engine, e));
            }
            finally
            {
                gate.Release();
                run.Answered();
            }
        }

        /// <summary>The classified error, its message led by the engine's name and its target the engine, so scripts can tell which failed.</summary>
        public static CommandError FailedOn(ContainerEngine engine, Exception exception)
        {
            CommandError classified = ErrorClassifier.Classify(exception, engine);
            return new CommandError(
                classified.ErrorId,
                classified.Kind,
                OnEngine(engine, classified.Message),
                engine,
                classified.Exception,
                classified.RecommendedAction);
        }

        /// <summary>A message, target or question led by the engine's name, for a run on many engines.</summary>
        public static string OnEngine(ContainerEngine engine, string text) => $"Engine '{engine.Name}': {text}";

        private static async Task ReportProgressUntilAsync(Task all, FleetRun run, ICommandOutput output)
        {
            if (await Task.WhenAny(all, Task.Delay(ProgressDelay)) == all)
            {
                return;
            }

            const string Activity = "Asking the engines";
            while (await Task.WhenAny(all, Task.Delay(ProgressInterval)) != all)
            {
                int answered = run.AnsweredCount;
                output.WriteProgress(new ProgressUpdate(ProgressActivityId, Activity, $"{answered} of {run.Total} engines answered")
                {
                    PercentComplete = run.Total == 0 ? 0 : answered * 100 / run.Total,
                });
            }

            output.WriteProgress(new ProgressUpdate(ProgressActivityId, Activity, "Done") { Completed = true });
        }

        /// <summary>What the engines' calls share: how many have answered, and the first mistake in the caller's arguments.</summary>
        private sealed class FleetRun
        {
            private int _answered;
            private ExceptionDispatchInfo? _mistake;

            public FleetRun(int total)
            {
                Total = total;
            }

            public int Total { get; }

            public int AnsweredCount => Volatile.Read(ref _answered);

            public ExceptionDispatchInfo? Mistake => Volatile.Read(ref _mistake);

            public void Answered() => Interlocked.Increment(ref _answered);

            public void RecordMistake(Exception mistake) => Interlocked.CompareExchange(ref _mistake, ExceptionDispatchInfo.Capture(mistake), null);
        }
    }
}
