#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
<#
    Stacks in a real PowerShell, as a person would type them, beside docker's own stack commands: a single-node swarm of
    this file's own (the test engine's --swarm mode; the run's shared engine is never put in a swarm), a stack deployed
    there with docker stack deploy, seen with Get-ContainerStack and -Stack, and removed with Remove-ContainerStack so that
    docker stack ls no longer lists it. The image is the test image, already on the node, never resolved at a registry.
    Each It goes on from where the one before left the stack.
#>

BeforeAll {
    . (Join-Path $PSScriptRoot 'Support/TestEngine.ps1')
    $script:swarm = Start-TestEngine -Swarm
    $modulePath = if ($env:CONTAINERS_MODULE_PATH) { $env:CONTAINERS_MODULE_PATH } else { Join-Path $PSScriptRoot '../../out/Containers/Containers.psd1' }
    Import-Module $modulePath -Force
    $script:engine = $script:swarm.Settings['DOCKER_HOST']
    $script:image = $script:swarm.Settings['CONTAINERS_TEST_IMAGE']
    # docker with a configuration folder of this file's own, so the person's settings neither leak in nor change.
    $script:dockerConfig = Join-Path $TestDrive 'docker'
    function Invoke-Docker { & docker --config $script:dockerConfig --host $script:engine @args; if ($LASTEXITCODE) { throw "docker $args failed ($LASTEXITCODE)" } }

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
    # The engine goes with everything on it.
    if ($script:swarm) { Stop-TestEngine -Process $script:swarm }
}

Describe 'A stack docker stack deploy made' {
    BeforeAll {
        Set-Content -Path (Join-Path $TestDrive 'greeting.txt') -Value 'hello'
        Set-Content -Path (Join-Path $TestDrive 'shop.yml') -Value @"
version: "3.8"
services:
  web:
    image: $($script:image)
    command: ["sleep", "3600"]
    deploy:
      replicas: 2
    configs: [greeting]
  db:
    image: $($script:image)
    command: ["sleep", "3600"]
configs:
  greeting:
    file: ./greeting.txt
"@
        Invoke-Docker stack deploy --resolve-image never --detach=true -c (Join-Path $TestDrive 'shop.yml') shop | Out-Null
    }

    It 'is listed by Get-ContainerStack, with its services, as docker stack ls shows it' {
        $stack = Get-ContainerStack -Engine $script:engine
        $stack.Name | Should -Be 'shop'
        $stack.Services.Name | Should -Be 'shop_db', 'shop_web'
        $stack.Orchestrator | Should -Be 'Swarm'

        # What the person sees: NAME, SERVICES, ORCHESTRATOR.
        $text = Get-ContainerStack -Engine $script:engine -Name 'sh*' | Out-String -Width 80
        $text | Should -Match 'Name\s+Services\s+Orchestrator'
        $text | Should -Match 'shop\s+2\s+Swarm'
    }

    It 'gives its services and tasks with -Stack, as docker stack services and docker stack ps do' {
        (Get-ContainerService -Engine $script:engine -Stack shop).Name | Should -Be 'shop_db', 'shop_web'
        $tasks = Wait-Swarm -What 'the three tasks of shop running' -Read { Get-ContainerServiceTask -Engine $script:engine -Stack shop -DesiredState Running } -Until { param($t) @($t | Where-Object State -EQ 'running').Count -eq 3 }
        $tasks.Name | Should -Be 'shop_db.1', 'shop_web.1', 'shop_web.2'
    }

    It 'gives, piped, the services and tasks docker stack services and docker stack ps list, and is no service name to Remove-ContainerService' {
        # No -Engine after the pipe: the stack brings its own (the run's shared engine is in no swarm).
        (Get-ContainerStack -Engine $script:engine shop | Get-ContainerService).Name | Should -Be @(Invoke-Docker stack services shop --format '{{.Name}}' | Sort-Object)
        $running = Get-ContainerStack -Engine $script:engine shop | Get-ContainerServiceTask -DesiredState Running
        $running.Id | Sort-Object | Should -Be @(Invoke-Docker stack ps shop --filter desired-state=running --no-trunc --format '{{.ID}}' | Sort-Object)

        { Get-ContainerStack -Engine $script:engine shop | Remove-ContainerService -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidPipelineInput,*'
        (Get-ContainerStack -Engine $script:engine shop).Services.Count | Should -Be 2
    }

    It 'is an error to name a stack that is not there, and nothing for a wildcard' {
        Get-ContainerStack -Engine $script:engine -Name shopp -ErrorVariable missing -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'StackNotFound,*'
        $missing[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        Get-ContainerStack -Engine $script:engine -Name 'shopp*' -ErrorVariable none | Should -BeNullOrEmpty
        $none | Should -BeNullOrEmpty
    }

    It 'stays with -WhatIf, and Remove-ContainerStack removes it so that docker stack ls no longer lists it' {
        Get-ContainerStack -Engine $script:engine shop | Remove-ContainerStack -WhatIf
        (Get-ContainerStack -Engine $script:engine shop).Services.Count | Should -Be 2

        Get-ContainerStack -Engine $script:engine shop | Remove-ContainerStack
        Get-ContainerStack -Engine $script:engine | Should -BeNullOrEmpty
        Invoke-Docker stack ls --format '{{.Name}}' | Should -BeNullOrEmpty
        # Its network and config went too, once its tasks had stopped.
        Get-ContainerNetwork -Engine $script:engine -Name 'shop_*' | Should -BeNullOrEmpty
        Get-ContainerConfig -Engine $script:engine -Name 'shop_*' | Should -BeNullOrEmpty
    }
}
