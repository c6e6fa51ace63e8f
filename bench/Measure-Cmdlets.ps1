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
.EXAMPLE
    pwsh -NoProfile -File bench/Measure-Cmdlets.ps1
.EXAMPLE
    pwsh -NoProfile -Command "./bench/Measure-Cmdlets.ps1 -ModulePath ./out/Containers/Containers.psd1 -Rounds 20 -Operation List, Inspect"

    With -File, pwsh passes every argument as one string, so a list such as -Operation List, Inspect needs -Command.
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

    # Which operations to time.
    [ValidateSet('List', 'Inspect', 'Logs', 'Import', 'Fleet')]
    [string[]] $Operation = @('List', 'Inspect', 'Logs', 'Import', 'Fleet'),

    # Measured rounds for the fleet of 20 slow engines (each round takes about three seconds, for the loops).
    [ValidateRange(3, 1000)]
    [int] $FleetRounds = 10,

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

$savedEnvironment = @{}
foreach ($name in 'DOCKER_HOST', 'CONTAINERS_TEST_FLEET', 'CONTAINERS_TEST_FLEET_DELAYS_MS', 'CONTAINERS_TEST_IMAGE', 'CONTAINERS_TEST_REGISTRY', 'CONTAINERS_TEST_REGISTRY_USER', 'CONTAINERS_TEST_REGISTRY_PASSWORD') {
    $savedEnvironment[$name] = [Environment]::GetEnvironmentVariable($name)
}
$builtModule = $null
$engineProcess = $null
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
    if ($engineProcess) {
        # The engine is private and goes with everything in it; removing what we made first leaves it as we found it
        # should the engine ever be shared.
        Get-Container -All -Label "containers.bench=$run" -ErrorAction SilentlyContinue | Remove-Container -Force -ErrorAction SilentlyContinue
        Stop-TestEngine -Process $engineProcess
    }
    foreach ($name in $savedEnvironment.Keys) { [Environment]::SetEnvironmentVariable($name, $savedEnvironment[$name]) }
    if ($builtModule) { Remove-Item $builtModule -Recurse -Force -ErrorAction SilentlyContinue }
}
