<#
.SYNOPSIS
    Times the module's cmdlets in a warm pwsh session against Invoke-RestMethod -UnixSocket, the docker CLI and a bare
    HTTP/1.1 GET on one kept-alive unix socket, all against one private engine, in turns round by round.
.DESCRIPTION
    A benchmark, not a test: nothing runs it but a person. It starts a private dockerd with tests/Containers.TestEngine
    (through tests/Pester/Support/TestEngine.ps1), builds the module with ./build.ps1 unless -ModulePath is given, makes
    200 containers and one that wrote 50 MB of logs, times each operation's variants once per round in a rotating order
    (so drift in the engine or the machine falls on all of them alike), prints the medians, the ratios and the targets,
    and removes what it made and the engine at the end, also after Ctrl+C.

    Every variant runs in this session, from a script block, as a user at the prompt would run it; output is thrown
    away ($null = ...), so the figures are the cost of getting the objects (or text), not of showing them (the
    "rendered" row adds Out-String for that).

    -Operation Project and -Operation Stack (not in the default set) bring a 10-service compose project up with
    Start-ContainerProject against docker-compose up -d (1.29), and a 10-service stack with Publish-ContainerStack
    -NoWait against docker stack deploy on a single-node swarm engine of their own (tests/Containers.TestEngine
    --swarm), from nothing and again unchanged, each side taking its project or stack down between rounds; see
    bench/README.md.
.EXAMPLE
    pwsh -NoProfile -File bench/Measure-Cmdlets.ps1
.EXAMPLE
    pwsh -NoProfile -Command "./bench/Measure-Cmdlets.ps1 -ModulePath ./out/Containers/Containers.psd1 -Rounds 20 -Operation List, Inspect"

    With -File, pwsh passes every argument as one string, so a list such as -Operation List, Inspect needs -Command.
.EXAMPLE
    pwsh -NoProfile -Command "./bench/Measure-Cmdlets.ps1 -ModulePath ./out/Containers/Containers.psd1 -Operation Project, Stack -CycleRounds 5"
#>
[CmdletBinding()]
param(
    # The module to measure (a .psd1); built into a temporary folder with ./build.ps1 when not given.
    [string] $ModulePath,

    # Measured rounds for list and inspect (after a few warm-up rounds).
    [ValidateRange(3, 1000)]
    [int] $Rounds = 30,

    # Measured rounds for the 50 MB log read (each takes seconds).
    [ValidateRange(1, 100)]
    [int] $LogRounds = 3,

    # Fresh pwsh processes for the Import-Module time.
    [ValidateRange(1, 100)]
    [int] $ImportRounds = 10,

    # Which operations to time. Project and Stack are not in the default set: each takes minutes (every round brings
    # ten containers or services up and takes them down again), and Stack starts a single-node swarm engine of its own.
    [ValidateSet('List', 'Inspect', 'Logs', 'Import', 'Fleet', 'Project', 'Stack')]
    [string[]] $Operation = @('List', 'Inspect', 'Logs', 'Import', 'Fleet'),

    # Measured rounds for the fleet of 20 slow engines (each round takes about three seconds, for the loops).
    [ValidateRange(3, 1000)]
    [int] $FleetRounds = 10,

    # Measured rounds for a compose project and for a stack (each round brings ten containers or services up twice
    # for each side and takes them down, unmeasured, in between).
    [ValidateRange(1, 100)]
    [int] $CycleRounds = 5,

    # Also return the table's rows as objects (it is printed either way).
    [switch] $PassThru
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$repo = Split-Path $PSScriptRoot -Parent
$containerCount = 200
# 750,000 lines of 70 bytes (69 characters and the newline): 52.5 MB.
$logLines = 750000
$logLine = 'containers-bench-' + ('0123456789abcdef' * 3) + '-0123'
$inspectRepeat = 20   # inspects per sample: one takes a fraction of a millisecond
$serviceCount = 10    # services in the compose project and in the stack

#region The bare client: the floor any client on this socket can reach
Add-Type -TypeDefinition @'
using System;
using System.Net.Sockets;
using System.Text;

/// <summary>
/// HTTP/1.1 GETs on one kept-alive unix socket, read with blocking calls: the response head parsed for its status,
/// Content-Length and chunking, the body read (de-chunked) and thrown away. Nothing else: no pooling, no JSON.
/// </summary>
public sealed class BenchBareHttp : IDisposable
{
    private readonly string _socketPath;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private Socket _socket;
    private int _start;
    private int _end;

    public BenchBareHttp(string socketPath) { _socketPath = socketPath; }

    /// <summary>Sends a GET and reads its whole response; returns the body's length in bytes.</summary>
    public long Get(string target)
    {
        if (_socket == null)
        {
            _socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            _socket.Connect(new UnixDomainSocketEndPoint(_socketPath));
            _start = _end = 0;
        }

        _socket.Send(Encoding.ASCII.GetBytes("GET " + target + " HTTP/1.1\r\nHost: docker\r\n\r\n"));
        string status = ReadLine();
        int code = int.Parse(status.Split(' ')[1]);
        long length = -1;
        bool chunked = false, close = false;
        for (string line = ReadLine(); line.Length > 0; line = ReadLine())
        {
            int colon = line.IndexOf(':');
            string name = line.Substring(0, colon).Trim(), value = line.Substring(colon + 1).Trim();
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)) length = long.Parse(value);
            else if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase)) chunked = value.IndexOf("chunked", StringComparison.OrdinalIgnoreCase) >= 0;
            else if (name.Equals("Connection", StringComparison.OrdinalIgnoreCase)) close = value.Equals("close", StringComparison.OrdinalIgnoreCase);
        }

        long body = 0;
        if (chunked)
        {
            for (long size; (size = Convert.ToInt64(ReadLine().Split(';')[0].Trim(), 16)) > 0; ReadLine())
            {
                Skip(size);
                body += size;
            }

            while (ReadLine().Length > 0) { }   // trailers
        }
        else if (length >= 0)
        {
            Skip(length);
            body = length;
        }
        else
        {
            body = SkipToEnd();
            close = true;
        }

        if (close) Dispose();
        if (code >= 400) throw new InvalidOperationException("GET " + target + " answered " + status);
        return body;
    }

    private bool Fill()
    {
        _start = 0;
        _end = _socket.Receive(_buffer);
        return _end > 0;
    }

    private string ReadLine()
    {
        var line = new StringBuilder();
        while (true)
        {
            if (_start == _end && !Fill()) throw new InvalidOperationException("The engine closed the connection mid-response.");
            byte b = _buffer[_start++];
            if (b == (byte)'\n') return line.ToString().TrimEnd('\r');
            line.Append((char)b);
        }
    }

    private void Skip(long count)
    {
        while (count > 0)
        {
            if (_start == _end && !Fill()) throw new InvalidOperationException("The engine closed the connection mid-body.");
            int take = (int)Math.Min(count, _end - _start);
            _start += take;
            count -= take;
        }
    }

    private long SkipToEnd()
    {
        long total = _end - _start;
        while (Fill()) total += _end;
        return total;
    }

    public void Dispose()
    {
        if (_socket != null) _socket.Dispose();
        _socket = null;
    }
}
'@
#endregion

#region Timing
function Get-Median([double[]] $Values) {
    $sorted = [double[]]($Values | Sort-Object)
    $middle = [int][math]::Floor($sorted.Count / 2)
    if ($sorted.Count % 2) { $sorted[$middle] } else { ($sorted[$middle - 1] + $sorted[$middle]) / 2 }
}

<#
    Runs each variant of one operation once per round, in a new random order every round, after $Warmup unmeasured
    rounds; a sample is the time of $Repeat calls divided by $Repeat. Returns variant name -> samples (ms). Random, not
    rotated: in a rotation each variant always follows the same other one, and what runs just before matters (the
    engine and the machine are still busy after some): the bare GET, always run right after ours in a rotation, took
    46 to 55 ms for the listing there against 13 to 15 ms alone.
#>
function Measure-Variants {
    param([System.Collections.Specialized.OrderedDictionary] $Variants, [int] $Rounds, [int] $Warmup, [int] $Repeat = 1)
    $names = @($Variants.Keys)
    $samples = [ordered]@{}
    foreach ($name in $names) { $samples[$name] = [System.Collections.Generic.List[double]]::new() }
    $watch = [System.Diagnostics.Stopwatch]::new()
    for ($round = 0; $round -lt $Warmup + $Rounds; $round++) {
        foreach ($name in ($names | Get-Random -Count $names.Count -SetSeed ($round + 1))) {
            $block = $Variants[$name]
            $watch.Restart()
            for ($r = 0; $r -lt $Repeat; $r++) { $null = & $block }
            $watch.Stop()
            if ($round -ge $Warmup) { $samples[$name].Add($watch.Elapsed.TotalMilliseconds / $Repeat) }
        }
        Write-Progress -Activity 'Measuring' -Status "round $($round + 1) of $($Warmup + $Rounds)" -PercentComplete (100 * ($round + 1) / ($Warmup + $Rounds))
    }
    Write-Progress -Activity 'Measuring' -Completed
    $samples
}

<#
    For operations that change the engine (bring a project or a stack up): each variant is a cycle of Up (timed: from
    nothing), Up again (timed: nothing changed, so nothing to do), Check after each (unmeasured: that the Up really
    made what it should, so a quiet failure cannot pass for a fast run) and Down (unmeasured: takes it all away, and
    waits until it is gone, so every cycle starts from the same empty engine). One cycle of each variant per round, in
    a new random order every round, as Measure-Variants does. Returns @{ up = name -> samples; again = name -> samples }.
#>
function Measure-Cycles {
    param([System.Collections.Specialized.OrderedDictionary] $Variants, [int] $Rounds, [int] $Warmup)
    $names = @($Variants.Keys)
    $samples = @{ up = [ordered]@{}; again = [ordered]@{} }
    foreach ($name in $names) {
        $samples.up[$name] = [System.Collections.Generic.List[double]]::new()
        $samples.again[$name] = [System.Collections.Generic.List[double]]::new()
    }
    $watch = [System.Diagnostics.Stopwatch]::new()
    for ($round = 0; $round -lt $Warmup + $Rounds; $round++) {
        foreach ($name in ($names | Get-Random -Count $names.Count -SetSeed ($round + 1))) {
            $cycle = $Variants[$name]
            foreach ($step in 'up', 'again') {
                $watch.Restart()
                $null = & $cycle.Up
                $watch.Stop()
                if ($round -ge $Warmup) { $samples[$step][$name].Add($watch.Elapsed.TotalMilliseconds) }
                & $cycle.Check
            }
            & $cycle.Down
        }
        Write-Progress -Activity 'Measuring' -Status "round $($round + 1) of $($Warmup + $Rounds)" -PercentComplete (100 * ($round + 1) / ($Warmup + $Rounds))
    }
    Write-Progress -Activity 'Measuring' -Completed
    $samples
}

<#
    Runs a native command (docker, docker-compose) as the other side's variants do, its output (both streams) thrown
    away, and fails with that output when it exits non-zero: a failed command must not count as a fast one.
#>
function Invoke-Native([string] $Command, [string[]] $Arguments) {
    $out = & $Command @Arguments 2>&1
    if ($LASTEXITCODE -ne 0) { throw "$Command $($Arguments -join ' ') exited with $LASTEXITCODE`: $($out -join [Environment]::NewLine)" }
}

<# Polls $Read until it returns nothing, up to $TimeoutSeconds; fails naming $What and what is left. #>
function Wait-Gone([string] $What, [scriptblock] $Read, [int] $TimeoutSeconds = 120) {
    $deadline = [datetime]::UtcNow.AddSeconds($TimeoutSeconds)
    while ($left = @(& $Read | Where-Object { $_ })) {
        if ([datetime]::UtcNow -gt $deadline) { throw "$What still there after $TimeoutSeconds s: $($left -join ', ')" }
        Start-Sleep -Milliseconds 200
    }
}

function Format-Ratio([double] $Ours, $Other) {
    if ($null -eq $Other -or $Other -le 0) { return '-' }
    '{0:0.00}x' -f ($Ours / $Other)
}

function Format-Ms($Value) {
    if ($null -eq $Value) { return '-' }
    if ($Value -lt 10) { '{0:0.000}' -f $Value } else { '{0:0.0}' -f $Value }
}

function New-Row([string] $Operation, $Medians, [string] $Target, [scriptblock] $Met) {
    $ours = $Medians['ours']
    [pscustomobject]@{
        Operation   = $Operation
        'ours ms'   = Format-Ms $ours
        'bare ms'   = Format-Ms $Medians['bare']
        'IRM ms'    = Format-Ms $Medians['irm']
        'CLI ms'    = Format-Ms $Medians['cli']
        'ours/bare' = Format-Ratio $ours $Medians['bare']
        'ours/CLI'  = Format-Ratio $ours $Medians['cli']
        'ours/IRM'  = Format-Ratio $ours $Medians['irm']
        Target      = $Target
        Result      = if ($Met) { if (& $Met) { 'met' } else { 'MISSED' } } else { '' }
    }
}

function Get-Medians($Samples) {
    $medians = @{}
    foreach ($name in $Samples.Keys) { $medians[$name] = Get-Median $Samples[$name].ToArray() }
    $medians
}
#endregion

#region Projects and stacks
<#
    Ten services of the test image, each sleeping, all on one network and with one named volume: a compose file for
    Start-ContainerProject and docker-compose (no version: key, the Compose Specification) or, with -Version, a stack
    file for Publish-ContainerStack and docker stack deploy (version 3.8, which the docker CLI's loader wants). Sleep as
    process 1 ignores SIGTERM, so every take-down would wait 10 s a container: the project's containers stop with
    SIGKILL (stop_signal); the stack's tasks get 1 s (stop_grace_period), the setting the bench's stack file was written
    with when Publish-ContainerStack did not yet apply stop_signal (both sides deploy the same file either way).
#>
function New-BenchComposeFile([string] $Path, [string] $Image, [string] $Version) {
    $text = [System.Text.StringBuilder]::new()
    if ($Version) { $null = $text.AppendLine("version: `"$Version`"") }
    $null = $text.AppendLine('services:')
    for ($i = 1; $i -le $serviceCount; $i++) {
        $null = $text.AppendLine(('  s{0:00}:' -f $i))
        $null = $text.AppendLine("    image: $Image")
        $null = $text.AppendLine('    command: ["sleep", "3600"]')
        $null = $text.AppendLine($(if ($Version) { '    stop_grace_period: 1s' } else { '    stop_signal: SIGKILL' }))
        $null = $text.AppendLine('    networks: [back]')
        $null = $text.AppendLine('    volumes: ["data:/data"]')
    }
    $null = $text.AppendLine('networks:')
    $null = $text.AppendLine('  back: {}')
    $null = $text.AppendLine('volumes:')
    $null = $text.AppendLine('  data: {}')
    Set-Content -Path $Path -Value $text.ToString()
}

<#
    A single-node swarm engine (tests/Containers.TestEngine --swarm: the test suites' SwarmEngine, a dockerd in a network
    namespace of its own with the test image, no registry), started as Start-TestEngine starts the tool, which has no
    switch for this mode; Start-TestEngine has run before, so the tool is built. Returns the process with its settings
    (DOCKER_HOST, CONTAINERS_TEST_IMAGE) as Settings; Stop-TestEngine ends it.
#>
function Start-SwarmTestEngine {
    $tool = Join-Path $repo 'tests/Containers.TestEngine/bin/Release/net10.0/Containers.TestEngine.dll'
    $start = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($argument in 'exec', $tool, '--swarm') { $start.ArgumentList.Add($argument) }
    $start.RedirectStandardInput = $true
    $start.RedirectStandardOutput = $true
    $start.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($start)
    $settings = @{}
    while ($null -ne ($line = $process.StandardOutput.ReadLine()) -and $line -ne 'READY') {
        $name, $value = $line -split '=', 2
        $settings[$name] = $value
    }
    if ($line -ne 'READY') {
        $process.WaitForExit()
        throw "The swarm test engine did not start (exit code $($process.ExitCode)); its reason is on the error output above."
    }
    $process | Add-Member -NotePropertyName Settings -NotePropertyValue $settings -PassThru
}
#endregion

$savedEnvironment = @{}
foreach ($name in 'DOCKER_HOST', 'CONTAINERS_TEST_FLEET', 'CONTAINERS_TEST_FLEET_DELAYS_MS', 'CONTAINERS_TEST_IMAGE', 'CONTAINERS_TEST_REGISTRY', 'CONTAINERS_TEST_REGISTRY_USER', 'CONTAINERS_TEST_REGISTRY_PASSWORD') {
    $savedEnvironment[$name] = [Environment]::GetEnvironmentVariable($name)
}
$builtModule = $null
$engineProcess = $null
$swarmProcess = $null
$scratch = $null
$projects = @()
$stacks = @()
$bare = $null
$run = [guid]::NewGuid().ToString('N').Substring(0, 12)
$label = @{ 'containers.bench' = $run }
try {
    if (-not $ModulePath) {
        $builtModule = Join-Path ([System.IO.Path]::GetTempPath()) ('containers-bench-' + [guid]::NewGuid().ToString('N'))
        Write-Host "Building the module into $builtModule ..."
        & (Join-Path $repo 'build.ps1') -OutputPath (Join-Path $builtModule 'Containers') | Out-Null
        $ModulePath = Join-Path $builtModule 'Containers/Containers.psd1'
    }
    $ModulePath = (Resolve-Path $ModulePath).Path
    if ($Operation -contains 'Stack') {
        $exported = (Import-PowerShellDataFile $ModulePath).CmdletsToExport
        $missing = @('Publish-ContainerStack', 'Remove-ContainerStack' | Where-Object { $exported -notcontains $_ })
        if ($missing) { throw "-Operation Stack needs $($missing -join ' and '), which the module at $ModulePath does not export: build a module that has them (pass it with -ModulePath), or leave Stack out." }
    }
    if ($Operation -contains 'Project' -and -not (Get-Command docker-compose -CommandType Application -ErrorAction SilentlyContinue)) {
        throw "-Operation Project compares with docker-compose 1.29, which is not on PATH: apt-get install -y docker-compose (as .ci/run does), or leave Project out."
    }

    Write-Host 'Starting a private engine (tests/Containers.TestEngine) ...'
    . (Join-Path $repo 'tests/Pester/Support/TestEngine.ps1')
    $engineProcess = Start-TestEngine -Fleet:($Operation -contains 'Fleet')
    $dockerHost = $env:DOCKER_HOST
    if ($dockerHost -notmatch '^unix://(?<path>.+)$') { throw "The test engine is not on a unix socket: $dockerHost" }
    $socket = $Matches['path']
    $image = $env:CONTAINERS_TEST_IMAGE

    Import-Module $ModulePath -Force
    $engineInfo = & docker -H $dockerHost version --format '{{.Server.Version}} {{.Server.APIVersion}} {{.Client.Version}}'
    $serverVersion, $api, $cliVersion = $engineInfo -split ' '
    $bare = [BenchBareHttp]::new($socket)
    $irmUri = "http://docker/v$api"

    $rows = [System.Collections.Generic.List[object]]::new()
    $notes = [System.Collections.Generic.List[string]]::new()

    if ($Operation -contains 'List' -or $Operation -contains 'Inspect') {
        Write-Host "Creating $containerCount containers ..."
        for ($i = 1; $i -le $containerCount; $i++) {
            $null = New-Container -Image $image -Name ('bench-{0:000}' -f $i) -Command 'true' -Label $label
        }
        $id = (Get-Container -Name 'bench-001').Id
    }

    if ($Operation -contains 'List') {
        Write-Host 'Timing: list 200 containers ...'
        $bytes = $bare.Get("/v$api/containers/json?all=1")
        $variants = [ordered]@{
            ours = { Get-Container -All }
            bare = { $bare.Get("/v$api/containers/json?all=1") }
            irm  = { Invoke-RestMethod -UnixSocket $socket -Uri "$irmUri/containers/json?all=1" }
            cli  = { docker -H $dockerHost ps -a --no-trunc }
        }
        $samples = Measure-Variants -Variants $variants -Rounds $Rounds -Warmup 5
        $m = Get-Medians $samples
        $rows.Add((New-Row "list $containerCount ($([math]::Round($bytes / 1KB)) KiB)" $m '<= 1.1x bare' { $m['ours'] / $m['bare'] -le 1.1 }.GetNewClosure()))

        # What the prompt adds: the table view (Out-String) against docker ps's own table.
        $variants = [ordered]@{
            ours = { Get-Container -All | Out-String }
            cli  = { docker -H $dockerHost ps -a | Out-String }
        }
        $samples = Measure-Variants -Variants $variants -Rounds ([math]::Max(3, [int]($Rounds / 3))) -Warmup 2
        $r = Get-Medians $samples
        $rows.Add((New-Row "list $containerCount, rendered (Out-String)" $r '(info)' $null))
    }

    if ($Operation -contains 'Inspect') {
        Write-Host 'Timing: inspect one container ...'
        $variants = [ordered]@{
            ours = { Get-ContainerDetail -Name $id }
            bare = { $bare.Get("/v$api/containers/$id/json") }
            irm  = { Invoke-RestMethod -UnixSocket $socket -Uri "$irmUri/containers/$id/json" }
            cli  = { docker -H $dockerHost inspect $id }
        }
        $samples = Measure-Variants -Variants $variants -Rounds $Rounds -Warmup 3 -Repeat $inspectRepeat
        $m = Get-Medians $samples
        $rows.Add((New-Row 'inspect 1' $m '<= 1.5x bare' { $m['ours'] / $m['bare'] -le 1.5 }.GetNewClosure()))
    }

    if ($Operation -contains 'Logs') {
        Write-Host "Writing $logLines log lines ($([math]::Round($logLines * 70 / 1MB, 1)) MiB) ..."
        $writer = New-Container -Image $image -Name 'bench-logs' -Label $label -Command 'sh', '-c', "yes '$logLine' | head -n $logLines"
        $writer | Start-Container
        $null = $writer | Wait-Container
        $logId = $writer.Id

        Write-Host 'Timing: 50 MB of logs as lines through the pipeline ...'
        $counts = @{
            ours = (Get-ContainerLog -Id $logId | Measure-Object).Count
            cli  = (docker -H $dockerHost logs $logId | Measure-Object).Count
        }
        if ($counts['ours'] -ne $logLines -or $counts['cli'] -ne $logLines) {
            throw "Expected $logLines lines; Get-ContainerLog gave $($counts['ours']), docker logs $($counts['cli'])."
        }
        $variants = [ordered]@{
            ours = { (Get-ContainerLog -Id $logId | Measure-Object).Count }
            bare = { $bare.Get("/v$api/containers/$logId/logs?stdout=1&stderr=1") }
            cli  = { (docker -H $dockerHost logs $logId | Measure-Object).Count }
        }
        $samples = Measure-Variants -Variants $variants -Rounds $LogRounds -Warmup 0
        $m = Get-Medians $samples
        $rows.Add((New-Row "logs 50 MB, $logLines lines | Measure-Object" $m '<= 1.0x CLI' { $m['ours'] / $m['cli'] -le 1.0 }.GetNewClosure()))
        $notes.Add('logs: bare is the raw framed stream read and thrown away (no lines, no pipeline): the floor of the transfer alone.')
    }

    if ($Operation -contains 'Import') {
        Write-Host "Timing: Import-Module in $ImportRounds fresh pwsh processes ..."
        # pwsh as PATH has it: as a .NET global tool this process is dotnet itself.
        $pwsh = (Get-Command pwsh -CommandType Application -ErrorAction Stop | Select-Object -First 1).Source
        $quoted = $ModulePath -replace "'", "''"
        $times = [System.Collections.Generic.List[double]]::new()
        $commands = [System.Collections.Generic.List[double]]::new()
        for ($i = 0; $i -lt $ImportRounds; $i++) {
            # Measured inside the new process, so pwsh's own start-up is not counted; then one command's first call.
            $out = & $pwsh -NoProfile -NonInteractive -Command "(Measure-Command { Import-Module '$quoted' }).TotalMilliseconds; (Measure-Command { `$null = Get-Container -All }).TotalMilliseconds"
            if ($LASTEXITCODE -ne 0) { throw "pwsh exited with $LASTEXITCODE while importing the module: $out" }
            $times.Add([double]::Parse($out[0], [cultureinfo]::InvariantCulture))
            $commands.Add([double]::Parse($out[1], [cultureinfo]::InvariantCulture))
        }
        $import = Get-Median $times.ToArray()
        $rows.Add((New-Row 'Import-Module (fresh pwsh)' @{ ours = $import } '<= 50 ms' { $import -le 50 }.GetNewClosure()))
        $rows.Add((New-Row 'then the first Get-Container -All' @{ ours = (Get-Median $commands.ToArray()) } '(info)' $null))
        $notes.Add(('Import-Module, every round (ms): ' + (($times | ForEach-Object { '{0:0}' -f $_ }) -join ', ')))
    }

    if ($Operation -contains 'Fleet') {
        # 20 engines that answer 50, 60, ... 240 ms late (the test engine behind forwarders holding each request back:
        # engines that far away are not at hand), all warm: their versions negotiated, their connections pooled.
        $fleet = $env:CONTAINERS_TEST_FLEET -split ';'
        $slowest = $fleet[-1]
        Write-Host "Timing: Get-Container -All across $($fleet.Count) slow engines ..."
        $variants = [ordered]@{
            ours    = { Get-Container -All -Engine $fleet }
            loop    = { foreach ($one in $fleet) { Get-Container -All -Engine $one } }
            slowest = { Get-Container -All -Engine $slowest }
            cli     = { foreach ($one in $fleet) { docker -H $one ps -a --no-trunc } }
        }
        $samples = Measure-Variants -Variants $variants -Rounds $FleetRounds -Warmup 2
        $m = Get-Medians $samples
        $rows.Add((New-Row "list on $($fleet.Count) engines at once" $m '<= 1.3x slowest' { $m['ours'] / $m['slowest'] -le 1.3 }.GetNewClosure()))
        $notes.Add(("fleet: at once {0} ms; the slowest engine alone {1} ms ({2}); one after another {3} ms ({4}); the CLI one after another {5} ms. Delays {6} ms." -f
            (Format-Ms $m['ours']), (Format-Ms $m['slowest']), (Format-Ratio $m['ours'] $m['slowest']), (Format-Ms $m['loop']), (Format-Ratio $m['ours'] $m['loop']),
            (Format-Ms $m['cli']), ($env:CONTAINERS_TEST_FLEET_DELAYS_MS -replace ';', ', ')))
    }

    if ($Operation -contains 'Project' -or $Operation -contains 'Stack') {
        $scratch = Join-Path ([System.IO.Path]::GetTempPath()) "containers-bench-$run"
        $null = New-Item -ItemType Directory -Path $scratch
    }

    if ($Operation -contains 'Project') {
        # The same file, the same engine; each side its own project name, so what one leaves cannot help or hinder the other.
        $composeFile = Join-Path $scratch 'compose.yaml'
        New-BenchComposeFile -Path $composeFile -Image $image
        $ourProject = "bench-$run-ours"
        $theirProject = "bench-$run-compose"
        $projects = $ourProject, $theirProject
        $composeVersion = (& docker-compose version --short 2>$null) -join ''
        # Ten running containers of the project after every up, none of it after every down (containers, network, volume).
        $checkUp = {
            param($name)
            $running = @(Get-Container -Label "com.docker.compose.project=$name").Count
            if ($running -ne $serviceCount) { throw "Project $name has $running running containers after up, not $serviceCount." }
        }
        $waitDown = {
            param($name)
            Wait-Gone "Project $name's containers" { Get-Container -All -Label "com.docker.compose.project=$name" | ForEach-Object Name }
            Wait-Gone "Project $name's networks" { Get-ContainerNetwork | Where-Object Name -Like "$($name)_*" | ForEach-Object Name }
            Wait-Gone "Project $name's volumes" { Get-ContainerVolume | Where-Object Name -Like "$($name)_*" | ForEach-Object Name }
        }
        Write-Host "Timing: a compose project of $serviceCount services up from nothing, then up again unchanged ..."
        $variants = [ordered]@{
            ours = @{
                Up    = { Start-ContainerProject -Path $composeFile -Name $ourProject }
                Check = { & $checkUp $ourProject }
                Down  = { Remove-ContainerProject -Name $ourProject -Volume -Confirm:$false; & $waitDown $ourProject }
            }
            cli  = @{
                Up    = { Invoke-Native docker-compose '-H', $dockerHost, '-p', $theirProject, '-f', $composeFile, 'up', '-d' }
                Check = { & $checkUp $theirProject }
                Down  = { Invoke-Native docker-compose '-H', $dockerHost, '-p', $theirProject, '-f', $composeFile, 'down', '-v'; & $waitDown $theirProject }
            }
        }
        $samples = Measure-Cycles -Variants $variants -Rounds $CycleRounds -Warmup 1
        $m = Get-Medians $samples.up
        $rows.Add((New-Row "project up -d, $serviceCount services (CLI: docker-compose)" $m '<= 1.0x CLI' { $m['ours'] / $m['cli'] -le 1.0 }.GetNewClosure()))
        $a = Get-Medians $samples.again
        $rows.Add((New-Row "project up -d again, nothing changed" $a '<= 1.0x CLI' { $a['ours'] / $a['cli'] -le 1.0 }.GetNewClosure()))
        foreach ($step in 'up', 'again') {
            foreach ($name in 'ours', 'cli') {
                $notes.Add(("project {0}, {1}, every round (ms): {2}" -f $step, $name, (($samples[$step][$name] | ForEach-Object { '{0:0}' -f $_ }) -join ', ')))
            }
        }
        $notes.Add("project: ours is Start-ContainerProject -Path FILE -Name NAME; CLI is docker-compose $composeVersion -p NAME -f FILE up -d. Each took its project down (Remove-ContainerProject -Volume, docker-compose down -v) between rounds, unmeasured.")
    }

    if ($Operation -contains 'Stack') {
        $deploy = Get-Command Publish-ContainerStack -Module Containers
        $missing = @('Path', 'Name', 'ResolveImage', 'NoWait', 'Engine' | Where-Object { -not $deploy.Parameters.ContainsKey($_) })
        if ($missing) { throw "Publish-ContainerStack has no parameter $($missing -join ', '), which -Operation Stack uses." }

        Write-Host 'Starting a single-node swarm engine (tests/Containers.TestEngine --swarm) ...'
        $swarmProcess = Start-SwarmTestEngine
        $swarmHost = $swarmProcess.Settings['DOCKER_HOST']
        $swarmImage = $swarmProcess.Settings['CONTAINERS_TEST_IMAGE']
        $stackFile = Join-Path $scratch 'stack.yaml'
        New-BenchComposeFile -Path $stackFile -Image $swarmImage -Version '3.8'
        $ourStack = "bench-$run-ours"
        $theirStack = "bench-$run-cli"
        $stacks = $ourStack, $theirStack
        # Read with the docker CLI, the same for both sides: what docker sees of a stack is what counts.
        $stackObjects = {
            param([string] $Kind, [string] $Name)
            $arguments = switch ($Kind) {
                'services'   { 'service', 'ls', '-q', '--filter', "label=com.docker.stack.namespace=$Name" }
                'containers' { 'ps', '-aq', '--filter', "label=com.docker.stack.namespace=$Name" }
                'networks'   { 'network', 'ls', '-q', '--filter', "label=com.docker.stack.namespace=$Name" }
                'volumes'    { 'volume', 'ls', '-q', '--filter', "name=$($Name)_" }
            }
            $out = & docker -H $swarmHost @arguments 2>&1
            if ($LASTEXITCODE -ne 0) { throw "docker $($arguments -join ' ') exited with $LASTEXITCODE`: $out" }
            $out
        }
        $checkUp = {
            param($name)
            $services = @(& $stackObjects services $name).Count
            if ($services -ne $serviceCount) { throw "Stack $name has $services services after the deploy, not $serviceCount." }
        }
        # docker stack rm returns before the tasks' containers and the network are gone; the next round waits for them,
        # then removes the volume the tasks made (neither side removes it: it is the node's), so every deploy starts
        # from the same empty engine. The volume is retried until it goes: a task still starting when its service was
        # removed can make its container after the containers were seen gone, and the volume is in use until that goes.
        $waitDown = {
            param($name)
            foreach ($kind in 'services', 'containers', 'networks') { Wait-Gone "Stack $name's $kind" { & $stackObjects $kind $name } }
            Wait-Gone "Stack $name's volume (or containers using it)" {
                foreach ($volume in @(& $stackObjects volumes $name)) { & docker -H $swarmHost volume rm $volume 2>&1 | Out-Null }
                & $stackObjects containers $name
                & $stackObjects volumes $name
            }
        }
        Write-Host "Timing: a stack of $serviceCount services deployed from nothing, then again unchanged ..."
        $variants = [ordered]@{
            ours = @{
                Up    = { Publish-ContainerStack -Engine $swarmHost -Path $stackFile -Name $ourStack -ResolveImage Never -NoWait }
                Check = { & $checkUp $ourStack }
                Down  = { Remove-ContainerStack -Engine $swarmHost -Name $ourStack -Confirm:$false; & $waitDown $ourStack }
            }
            cli  = @{
                Up    = { Invoke-Native docker '-H', $swarmHost, 'stack', 'deploy', '--resolve-image', 'never', '-c', $stackFile, $theirStack }
                Check = { & $checkUp $theirStack }
                Down  = { Invoke-Native docker '-H', $swarmHost, 'stack', 'rm', $theirStack; & $waitDown $theirStack }
            }
        }
        $samples = Measure-Cycles -Variants $variants -Rounds $CycleRounds -Warmup 1
        $m = Get-Medians $samples.up
        $rows.Add((New-Row "stack deploy, $serviceCount services (-NoWait)" $m '<= 1.0x CLI' { $m['ours'] / $m['cli'] -le 1.0 }.GetNewClosure()))
        $a = Get-Medians $samples.again
        $rows.Add((New-Row "stack deploy again, nothing changed" $a '<= 1.0x CLI' { $a['ours'] / $a['cli'] -le 1.0 }.GetNewClosure()))
        foreach ($step in 'up', 'again') {
            foreach ($name in 'ours', 'cli') {
                $notes.Add(("stack {0}, {1}, every round (ms): {2}" -f $step, $name, (($samples[$step][$name] | ForEach-Object { '{0:0}' -f $_ }) -join ', ')))
            }
        }
        $notes.Add('stack: ours is Publish-ContainerStack -Path FILE -Name NAME -ResolveImage Never -NoWait; CLI is docker stack deploy --resolve-image never -c FILE NAME, which does not wait for the tasks (its --detach is on by default), so ours is timed with -NoWait: both end when the engine has the services. Each removed its stack between rounds (Remove-ContainerStack, docker stack rm), unmeasured, and the next waited until its services, containers and network were gone.')
    }

    $load = if (Test-Path /proc/loadavg) { (Get-Content /proc/loadavg -Raw).Split(' ')[0..2] -join ' ' } else { '?' }
    Write-Host ''
    Write-Host ("pwsh {0}, dockerd {1} (API {2}), docker CLI {3}, {4} CPUs, load average {5}; medians, ratios are ours over the other's time" -f
        $PSVersionTable.PSVersion, $serverVersion, $api, $cliVersion, [Environment]::ProcessorCount, $load)
    $rows | Format-Table -AutoSize | Out-String -Width 200 | Write-Host
    $notes | ForEach-Object { Write-Host $_ }
    if ($PassThru) { $rows }
}
finally {
    if ($bare) { $bare.Dispose() }
    if ($swarmProcess) {
        # The swarm engine is private too and goes with its stacks; removing them first is for the same reason as below.
        foreach ($name in $stacks) { & docker -H $swarmProcess.Settings['DOCKER_HOST'] stack rm $name 2>&1 | Out-Null }
        Stop-TestEngine -Process $swarmProcess
    }
    if ($engineProcess) {
        # The engine is private and goes with everything in it; removing what we made first leaves it as we found it
        # should the engine ever be shared.
        Get-Container -All -Label "containers.bench=$run" -ErrorAction SilentlyContinue | Remove-Container -Force -ErrorAction SilentlyContinue
        foreach ($name in $projects) { Remove-ContainerProject -Name $name -Volume -Confirm:$false -ErrorAction SilentlyContinue }
        Stop-TestEngine -Process $engineProcess
    }
    foreach ($name in $savedEnvironment.Keys) { [Environment]::SetEnvironmentVariable($name, $savedEnvironment[$name]) }
    if ($builtModule) { Remove-Item $builtModule -Recurse -Force -ErrorAction SilentlyContinue }
    if ($scratch) { Remove-Item $scratch -Recurse -Force -ErrorAction SilentlyContinue }
}
