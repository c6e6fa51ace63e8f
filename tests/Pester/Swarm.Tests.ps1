#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
<#
    A real swarm of three in a real PowerShell, as a person would type it: the test engine's --cluster mode starts three
    engines that can form a swarm (isolated dockerds joined by a bridge of their own, each with the test image; their
    addresses in CONTAINERS_TEST_CLUSTER_*), and the commands below make them one swarm, spread a service over them, drain a
    node, and let a worker leave. Every command names its node with -Engine; DOCKER_HOST, the run's shared engine, is never
    put in a swarm. The service's image is not resolved at a registry (-ResolveImage Never): it is on every node already,
    and its name must never reach Docker Hub. Each It goes on from where the one before left the swarm.
#>

BeforeAll {
    . (Join-Path $PSScriptRoot 'Support/TestEngine.ps1')
    $script:cluster = Start-TestEngine -Cluster
    $modulePath = if ($env:CONTAINERS_MODULE_PATH) { $env:CONTAINERS_MODULE_PATH } else { Join-Path $PSScriptRoot '../../out/Containers/Containers.psd1' }
    Import-Module $modulePath -Force
    $script:image = 'localhost/containers-test/busybox:latest'
    $script:nodes = 1..3 | ForEach-Object {
        [pscustomobject]@{
            Engine  = (Get-Item "env:CONTAINERS_TEST_CLUSTER_HOST$_").Value
            Address = (Get-Item "env:CONTAINERS_TEST_CLUSTER_ADDRESS$_").Value
            Name    = (Get-Item "env:CONTAINERS_TEST_CLUSTER_NODE$_").Value
        }
    }
    $script:manager = $script:nodes[0].Engine

    # Reads again, every quarter second for up to two minutes, until the condition holds: the swarm moves on its own time.
    function Wait-Swarm {
        param([Parameter(Mandatory)] [scriptblock] $Read, [Parameter(Mandatory)] [scriptblock] $Until, [Parameter(Mandatory)] [string] $What)
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        while ($true) {
            $state = & $Read
            if (& $Until $state) { return $state }
            if ($clock.Elapsed.TotalMinutes -gt 2) { throw "Waited two minutes for $What; the last state read: $($state | Out-String)" }
            Start-Sleep -Milliseconds 250
        }
    }
}

AfterAll {
    if ($script:cluster) { Stop-TestEngine -Process $script:cluster }
    Get-ChildItem env:CONTAINERS_TEST_CLUSTER_* | Remove-Item
}

Describe 'A swarm of three engines' {
    It 'forms with Initialize-ContainerSwarm on one and Join-ContainerSwarm on the others' {
        Initialize-ContainerSwarm -Engine $script:manager -AdvertiseAddress $script:nodes[0].Address | Out-Null
        $swarm = Get-ContainerSwarm -Engine $script:manager -IncludeJoinToken
        $swarm.WorkerJoinToken | Should -BeLike 'SWMTKN-*'
        (Get-ContainerSwarm -Engine $script:manager).WorkerJoinToken | Should -BeNullOrEmpty
        foreach ($worker in $script:nodes[1..2]) {
            Join-ContainerSwarm -Engine $worker.Engine -Token $swarm.WorkerJoinToken -RemoteAddress "$($script:nodes[0].Address):2377" -AdvertiseAddress $worker.Address
        }

        $listed = Wait-Swarm -What 'three Ready nodes' -Read { Get-ContainerSwarmNode -Engine $script:manager } -Until { param($n) @($n | Where-Object State -EQ 'Ready').Count -eq 3 }
        $listed.HostName | Should -Be 'cte-node1', 'cte-node2', 'cte-node3'
        $listed.Role | Should -Be 'Manager', 'Worker', 'Worker'

        # What the person sees: a row per node, the manager marked as leader.
        $text = Get-ContainerSwarmNode -Engine $script:manager | Out-String -Width 200
        $text | Should -Match 'cte-node1\b.*\bReady\b.*\bActive\b.*\bLeader\b'
        $text | Should -Match 'cte-node3\b.*\bReady\b.*\bActive\b'
    }

    It 'runs a service of three replicas one task per node' {
        New-ContainerService -Engine $script:manager -Name cte-spread -Image $script:image -ResolveImage Never -Replicas 3 `
            -Command sh, -c, 'trap "exit 0" TERM; while true; do sleep 1; done' | Out-Null
        $tasks = Wait-Swarm -What 'three running tasks' -Read { Get-ContainerServiceTask -Engine $script:manager -Name cte-spread -DesiredState running } `
            -Until { param($t) @($t | Where-Object State -EQ 'running').Count -eq 3 }
        $tasks.NodeName | Sort-Object | Should -Be 'cte-node1', 'cte-node2', 'cte-node3'

        $text = Get-ContainerServiceTask -Engine $script:manager -Name cte-spread | Out-String -Width 200
        foreach ($name in 'cte-node1', 'cte-node2', 'cte-node3') { $text | Should -Match "cte-spread\.\d\b.*\b$name\b" }
    }

    It 'moves the tasks of a drained node to the others, and gives it work again once active' {
        Set-ContainerSwarmNode -Engine $script:manager -Name cte-node3 -Availability Drain
        $tasks = Wait-Swarm -What 'three running tasks, none on cte-node3' -Read { Get-ContainerServiceTask -Engine $script:manager -Name cte-spread -DesiredState running } `
            -Until { param($t) @($t | Where-Object State -EQ 'running').Count -eq 3 -and -not ($t.NodeName -contains 'cte-node3') }
        $tasks.NodeName | Sort-Object -Unique | Should -Be 'cte-node1', 'cte-node2'
        (Get-ContainerSwarmNode -Engine $script:manager -Name cte-node3).Availability | Should -Be 'Drain'

        Get-ContainerSwarmNode -Engine $script:manager -Name cte-node3 | Set-ContainerSwarmNode -Availability Active
        Set-ContainerService -Engine $script:manager -Name cte-spread -Replicas 4
        $tasks = Wait-Swarm -What 'four running tasks' -Read { Get-ContainerServiceTask -Engine $script:manager -Name cte-spread -DesiredState running } `
            -Until { param($t) @($t | Where-Object State -EQ 'running').Count -eq 4 }
        @($tasks | Where-Object NodeName -EQ 'cte-node3').Count | Should -Be 1
    }

    It 'shows a worker that left as Down, and removes it from the list' {
        Remove-ContainerService -Engine $script:manager -Name cte-spread -Confirm:$false
        Exit-ContainerSwarm -Engine $script:nodes[2].Engine -Confirm:$false
        $down = Wait-Swarm -What 'cte-node3 Down' -Read { Get-ContainerSwarmNode -Engine $script:manager -Name cte-node3 } -Until { param($n) $n.State -eq 'Down' }
        $down.Role | Should -Be 'Worker'

        Remove-ContainerSwarmNode -Engine $script:manager -Name cte-node3 -Confirm:$false
        (Get-ContainerSwarmNode -Engine $script:manager).HostName | Should -Be 'cte-node1', 'cte-node2'
    }
}
