-- =================================================================================================
-- bfx run catalog, Azure SQL Database / SQL Server 2016 SP1+ (catalog version 1)
--
-- Implements docs/run-catalog.md: the tables and stored procedures that the generated pipelines and
-- bfxutils.py use to log executions, errors, row counts and high-watermarks, and to decide what a
-- run does (start, skip, restart the extract, restart only the Databricks part).
--
-- Idempotent: run it on an empty database to create the catalog, or again on an existing one; it
-- never drops or rewrites data. Deploy with
--     sqlcmd -b -S <server> -d <database> -i bfx_catalog.sql      (or open it in Azure Data Studio)
-- GO separates the batches (CREATE OR ALTER PROCEDURE must start a batch).
--
-- Procedures that return something return it as a result set (not OUTPUT parameters), after their
-- transaction committed, so an ADF Lookup activity reads it as firstRow.<Column>.
-- This script mirrors postgresql/bfx_catalog.sql; keep the two in step.
-- =================================================================================================

-- Procedures keep the SET options they were created with. Filtered and other indexes need these ON
-- at run time; sqlcmd starts with QUOTED_IDENTIFIER OFF, so set them explicitly.
SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
SET NOCOUNT ON;
GO

IF SCHEMA_ID(N'bfx') IS NULL
    EXEC (N'CREATE SCHEMA bfx AUTHORIZATION dbo;'); -- CREATE SCHEMA must be alone in its batch
GO

-- -------------------------------------------------------------------------------------------------
-- Tables. Created only when missing, so a re-run keeps existing data; a later catalog version adds
-- its changes as guarded ALTER statements below these, never by recreating a table.
-- -------------------------------------------------------------------------------------------------

-- One row per applied catalog version, so an upgrade script can tell what it is upgrading from.
IF OBJECT_ID(N'bfx.CatalogVersion', N'U') IS NULL
BEGIN
    CREATE TABLE bfx.CatalogVersion (
        Version     int                NOT NULL CONSTRAINT PK_CatalogVersion PRIMARY KEY,
        Description nvarchar(400)      NOT NULL,
        AppliedAt   datetimeoffset(7)  NOT NULL CONSTRAINT DF_CatalogVersion_AppliedAt DEFAULT SYSDATETIMEOFFSET()
    );
END;
GO

-- One row per pipeline (batch or object). Registered by the first LogExecutionStart of a name;
-- IsEnabled is the operator's switch (0 = every start is answered with C and does nothing).
-- PackageName alone identifies a package: it is the pipeline name, unique within a data factory.
IF OBJECT_ID(N'bfx.Package', N'U') IS NULL
BEGIN
    CREATE TABLE bfx.Package (
        PackageID   bigint IDENTITY(1, 1) NOT NULL CONSTRAINT PK_Package PRIMARY KEY,
        PackageName nvarchar(500)         NOT NULL,
        ProjectName nvarchar(500)         NULL,
        IsBatch     bit                   NOT NULL CONSTRAINT DF_Package_IsBatch DEFAULT (0),
        IsEnabled   bit                   NOT NULL CONSTRAINT DF_Package_IsEnabled DEFAULT (1),
        CreatedAt   datetimeoffset(7)     NOT NULL CONSTRAINT DF_Package_CreatedAt DEFAULT SYSDATETIMEOFFSET(),
        CONSTRAINT UQ_Package_PackageName UNIQUE (PackageName)
    );
END;
GO

-- One row per run of a package.
--   StartStatus      the ExecutionStatus the run was given at start (E, R, D, C, A); it is kept when
--                    ExecutionStatus later becomes S or F, so a failed D run is still known to have
--                    been a D run (the D chain of LogExecutionStart needs that).
--   NextLoadStatus   what the next run of the package does. While a run is open it holds what the
--                    next run should do if this one never reports back (R, or D for a D run), so an
--                    operator who closes a stale run by setting EndTime gets a safe restart.
--                    NULL on rows that carry no state (A = refused, C of a disabled package): the
--                    next run ignores them and looks at the execution before.
--   LastExecutionID  for D: the execution whose landed data is reused; for E, R and C: the latest
--                    successful execution; for A: the open execution that caused the refusal.
IF OBJECT_ID(N'bfx.Execution', N'U') IS NULL
BEGIN
    CREATE TABLE bfx.Execution (
        ExecutionID       bigint IDENTITY(1, 1) NOT NULL CONSTRAINT PK_Execution PRIMARY KEY,
        ParentExecutionID bigint                NULL
            CONSTRAINT FK_Execution_Parent REFERENCES bfx.Execution (ExecutionID),
        PackageID         bigint                NOT NULL
            CONSTRAINT FK_Execution_Package REFERENCES bfx.Package (PackageID),
        RunId             nvarchar(100)         NULL,
        StartStatus       varchar(1)            NOT NULL,
        ExecutionStatus   varchar(1)            NOT NULL,
        NextLoadStatus    varchar(1)            NULL,
        LastExecutionID   bigint                NULL,
        StartTime         datetimeoffset(7)     NOT NULL CONSTRAINT DF_Execution_StartTime DEFAULT SYSDATETIMEOFFSET(),
        EndTime           datetimeoffset(7)     NULL,
        CONSTRAINT CK_Execution_StartStatus     CHECK (StartStatus IN ('E', 'R', 'D', 'C', 'A')),
        CONSTRAINT CK_Execution_ExecutionStatus CHECK (ExecutionStatus IN ('E', 'R', 'D', 'C', 'A', 'S', 'F')),
        CONSTRAINT CK_Execution_NextLoadStatus  CHECK (NextLoadStatus IN ('P', 'R', 'D', 'C'))
    );
END;
GO

-- "Latest execution of a package" is the hot query of every start.
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'IX_Execution_Package'
                                          AND object_id = OBJECT_ID(N'bfx.Execution'))
    CREATE INDEX IX_Execution_Package ON bfx.Execution (PackageID, ExecutionID DESC)
        INCLUDE (ExecutionStatus, NextLoadStatus, StartStatus, LastExecutionID, EndTime);
-- Batch end and batch error look at the children of a batch execution.
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'IX_Execution_Parent'
                                          AND object_id = OBJECT_ID(N'bfx.Execution'))
    CREATE INDEX IX_Execution_Parent ON bfx.Execution (ParentExecutionID);
GO

-- Errors logged for an execution. FailedStage tells a Databricks failure (landed data reusable)
-- from a copy or other failure (extract again).
IF OBJECT_ID(N'bfx.ExecutionError', N'U') IS NULL
BEGIN
    CREATE TABLE bfx.ExecutionError (
        ExecutionErrorID bigint IDENTITY(1, 1) NOT NULL CONSTRAINT PK_ExecutionError PRIMARY KEY,
        ExecutionID      bigint                NOT NULL
            CONSTRAINT FK_ExecutionError_Execution REFERENCES bfx.Execution (ExecutionID),
        ActivityName     nvarchar(500)         NULL,
        ErrorMessage     nvarchar(max)         NULL,
        FailedStage      varchar(10)           NOT NULL,
        ErrorTime        datetimeoffset(7)     NOT NULL CONSTRAINT DF_ExecutionError_ErrorTime DEFAULT SYSDATETIMEOFFSET(),
        CONSTRAINT CK_ExecutionError_FailedStage CHECK (FailedStage IN ('COPY', 'DATABRICKS', 'OTHER'))
    );
    CREATE INDEX IX_ExecutionError_Execution ON bfx.ExecutionError (ExecutionID);
END;
GO

-- Row counts logged by notebooks and copies: an append-only log (a count logged twice is two rows).
-- ROWCOUNT is a T-SQL keyword, hence the brackets.
IF OBJECT_ID(N'bfx.RowCount', N'U') IS NULL
BEGIN
    CREATE TABLE bfx.[RowCount] (
        RowCountID  bigint IDENTITY(1, 1) NOT NULL CONSTRAINT PK_RowCount PRIMARY KEY,
        ExecutionID bigint                NOT NULL
            CONSTRAINT FK_RowCount_Execution REFERENCES bfx.Execution (ExecutionID),
        ObjectName  nvarchar(500)         NULL,
        CountType   nvarchar(100)         NULL,
        [RowCount]  bigint                NULL,
        LoggedAt    datetimeoffset(7)     NOT NULL CONSTRAINT DF_RowCount_LoggedAt DEFAULT SYSDATETIMEOFFSET()
    );
    CREATE INDEX IX_RowCount_Execution ON bfx.[RowCount] (ExecutionID);
END;
GO

-- High-watermarks and other variables. ExecutionID has no foreign key on purpose: operators seed
-- and reset values by hand without an execution.
IF OBJECT_ID(N'bfx.ConfigVariable', N'U') IS NULL
BEGIN
    CREATE TABLE bfx.ConfigVariable (
        ConfigVariableID bigint IDENTITY(1, 1) NOT NULL CONSTRAINT PK_ConfigVariable PRIMARY KEY,
        SystemName       nvarchar(100)         NOT NULL,
        ObjectName       nvarchar(500)         NOT NULL,
        VariableName     nvarchar(100)         NOT NULL,
        VariableValue    nvarchar(4000)        NULL,
        PreviousValue    nvarchar(4000)        NULL,
        ExecutionID      bigint                NULL,
        UpdatedAt        datetimeoffset(7)     NOT NULL CONSTRAINT DF_ConfigVariable_UpdatedAt DEFAULT SYSDATETIMEOFFSET(),
        CONSTRAINT UQ_ConfigVariable UNIQUE (SystemName, ObjectName, VariableName)
    );
END;
GO

-- -------------------------------------------------------------------------------------------------
-- Watermark comparison (internal helpers of SetConfigVariable, not part of the contract).
-- The PostgreSQL script compares the same way, so a catalog behaves alike on both engines:
--   * numbers: plain decimal notation ([+-]digits[.digits]); a plain number is never read as a date;
--   * timestamps: ISO 8601 only (YYYY-MM-DD, optionally [T or space]hh:mm[:ss[.fraction up to 7
--     digits]] and Z or +hh:mm), because other date formats depend on SET DATEFORMAT/LANGUAGE;
--     a value without an offset counts as UTC;
--   * anything else: text, in code-point order (a binary collation), independent of the database
--     collation (which is usually case-insensitive).
-- -------------------------------------------------------------------------------------------------
CREATE OR ALTER FUNCTION bfx.WatermarkTimestamp (@Value nvarchar(4000))
RETURNS datetimeoffset(7)
AS
BEGIN
    DECLARE @v nvarchar(4000) = LTRIM(RTRIM(@Value));
    IF @v NOT LIKE N'%[^0-9TZ :.+-]%'
       AND (@v LIKE N'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'
            OR @v LIKE N'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9][T ][0-9][0-9]:[0-9][0-9]%')
        -- datetimeoffset reads YYYY-MM-DD independently of DATEFORMAT; a string without an offset
        -- gets +00:00. TRY_CONVERT gives NULL for what only looks like a date (2024-02-30).
        RETURN TRY_CONVERT(datetimeoffset(7), REPLACE(REPLACE(@v, N'T', N' '), N'Z', N'+00:00'));
    RETURN NULL;
END;
GO

CREATE OR ALTER FUNCTION bfx.WatermarkNumber (@Value nvarchar(4000))
RETURNS decimal(38, 10)
AS
BEGIN
    DECLARE @v nvarchar(4000) = LTRIM(RTRIM(@Value));
    IF @v LIKE N'%[0-9]%' AND @v NOT LIKE N'%[^0-9.+-]%'
        RETURN TRY_CONVERT(decimal(38, 10), @v); -- NULL for 1-2, 1.2.3 and the like
    RETURN NULL;
END;
GO

-- Returns 1 when @New is later/greater than @Current, 0 when equal, -1 when earlier/smaller.
CREATE OR ALTER FUNCTION bfx.WatermarkCompare (@New nvarchar(4000), @Current nvarchar(4000))
RETURNS int
AS
BEGIN
    DECLARE @NewTs datetimeoffset(7) = bfx.WatermarkTimestamp(@New);
    DECLARE @CurTs datetimeoffset(7) = bfx.WatermarkTimestamp(@Current);
    IF @NewTs IS NOT NULL AND @CurTs IS NOT NULL
        RETURN CASE WHEN @NewTs > @CurTs THEN 1 WHEN @NewTs < @CurTs THEN -1 ELSE 0 END;

    DECLARE @NewN decimal(38, 10) = bfx.WatermarkNumber(@New);
    DECLARE @CurN decimal(38, 10) = bfx.WatermarkNumber(@Current);
    IF @NewN IS NOT NULL AND @CurN IS NOT NULL
        RETURN CASE WHEN @NewN > @CurN THEN 1 WHEN @NewN < @CurN THEN -1 ELSE 0 END;

    DECLARE @NewText nvarchar(4000) = LTRIM(RTRIM(@New));
    DECLARE @CurText nvarchar(4000) = LTRIM(RTRIM(@Current));
    RETURN CASE WHEN @NewText COLLATE Latin1_General_BIN2 > @CurText COLLATE Latin1_General_BIN2 THEN 1
                WHEN @NewText COLLATE Latin1_General_BIN2 < @CurText COLLATE Latin1_General_BIN2 THEN -1
                ELSE 0 END;
END;
GO

-- -------------------------------------------------------------------------------------------------
-- LogExecutionStart: register the package, decide what this run does, open an execution.
-- Rules (docs/run-catalog.md, "State machine"), checked in this order under an update lock on the
-- package row, so two concurrent starts of one package are serialised and the second sees the first:
--   1. disabled                                   -> C (closed at once, carries no state)
--   2. an E/R/D execution still open              -> A (closed at once, carries no state); a child
--      execution open although its parent run ended is stale and closed as F first
--   3. a child whose latest execution says C      -> C (closed at once, keeps C for the next run)
--   4. latest execution says D                    -> D (LastExecutionID = the data execution)
--   5. latest execution says R                    -> R
--   6. otherwise                                  -> E
-- -------------------------------------------------------------------------------------------------
CREATE OR ALTER PROCEDURE bfx.LogExecutionStart
    @PackageName       nvarchar(500),
    @ProjectName       nvarchar(500) = NULL,
    @IsBatch           bit           = 0,
    @ParentExecutionID bigint        = NULL,
    @RunId             nvarchar(100) = NULL
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON; -- any error rolls the whole start back, the lock included
    -- Reads after the lock must see what a concurrent start committed; this also holds on Azure SQL
    -- (READ_COMMITTED_SNAPSHOT ON), where each statement reads as of its own start.
    SET TRANSACTION ISOLATION LEVEL READ COMMITTED;

    IF @PackageName IS NULL OR LTRIM(RTRIM(@PackageName)) = N''
        THROW 50001, N'bfx.LogExecutionStart: PackageName is required.', 1;

    DECLARE @Now datetimeoffset(7) = SYSDATETIMEOFFSET();
    DECLARE @PackageID bigint, @IsEnabled bit, @OldProjectName nvarchar(500), @OldIsBatch bit;
    DECLARE @SuccessID bigint, @OpenID bigint;
    DECLARE @LatestID bigint, @LatestNext varchar(1), @LatestStart varchar(1), @LatestLast bigint;
    DECLARE @Status varchar(1), @Next varchar(1), @Last bigint, @Closed bit;
    DECLARE @ExecutionID bigint;

    BEGIN TRY
        BEGIN TRANSACTION;

        -- The lock that serialises starts of this package. UPDLOCK + HOLDLOCK keeps an update lock on
        -- the row (or on the key range, when the package is new) until COMMIT, so two first starts of
        -- a new name cannot both insert it either.
        SELECT @PackageID = PackageID, @IsEnabled = IsEnabled,
               @OldProjectName = ProjectName, @OldIsBatch = IsBatch
          FROM bfx.Package WITH (UPDLOCK, HOLDLOCK)
         WHERE PackageName = @PackageName;

        IF @PackageID IS NULL
        BEGIN
            INSERT INTO bfx.Package (PackageName, ProjectName, IsBatch)
            VALUES (@PackageName, @ProjectName, COALESCE(@IsBatch, 0));
            SET @PackageID = CONVERT(bigint, SCOPE_IDENTITY());
            SET @IsEnabled = 1;
        END
        ELSE IF (@ProjectName IS NOT NULL AND (@OldProjectName IS NULL OR @OldProjectName <> @ProjectName))
             OR (@IsBatch IS NOT NULL AND @OldIsBatch <> @IsBatch)
        BEGIN
            -- The latest definition wins (a pipeline can move to another project or become a batch).
            UPDATE bfx.Package
               SET ProjectName = COALESCE(@ProjectName, ProjectName),
                   IsBatch     = COALESCE(@IsBatch, IsBatch)
             WHERE PackageID = @PackageID;
        END;

        SELECT @SuccessID = MAX(ExecutionID)
          FROM bfx.Execution
         WHERE PackageID = @PackageID AND ExecutionStatus = 'S';

        IF @IsEnabled = 0
        BEGIN
            -- 1. Disabled: skip. NextLoadStatus NULL, so whatever the last real run left pending
            --    (R, D, C) still applies when the package is enabled again.
            SELECT @Status = 'C', @Next = NULL, @Last = @SuccessID, @Closed = 1;
        END
        ELSE
        BEGIN
            -- A child execution still open although its parent run has ended never reported back (its
            -- own end or error call failed, or it was cancelled): it is stale, not running. Close it as
            -- failed, keeping the NextLoadStatus it was opened with (R, or D for a D run), so that this
            -- run goes on instead of being refused (A) for ever.
            INSERT INTO bfx.ExecutionError (ExecutionID, ActivityName, ErrorMessage, FailedStage, ErrorTime)
            SELECT e.ExecutionID, NULL,
                   CONCAT(N'Closed as stale: parent execution ', e.ParentExecutionID,
                          N' had ended without this execution reporting its end.'), 'OTHER', @Now
              FROM bfx.Execution AS e
              JOIN bfx.Execution AS parent ON parent.ExecutionID = e.ParentExecutionID
             WHERE e.PackageID = @PackageID AND e.ExecutionStatus IN ('E', 'R', 'D')
               AND e.EndTime IS NULL AND parent.EndTime IS NOT NULL;
            UPDATE e
               SET ExecutionStatus = 'F', EndTime = @Now
              FROM bfx.Execution AS e
              JOIN bfx.Execution AS parent ON parent.ExecutionID = e.ParentExecutionID
             WHERE e.PackageID = @PackageID AND e.ExecutionStatus IN ('E', 'R', 'D')
               AND e.EndTime IS NULL AND parent.EndTime IS NOT NULL;

            SELECT TOP (1) @OpenID = ExecutionID
              FROM bfx.Execution
             WHERE PackageID = @PackageID
               AND ExecutionStatus IN ('E', 'R', 'D')
               AND EndTime IS NULL
             ORDER BY ExecutionID DESC;

            IF @OpenID IS NOT NULL
            BEGIN
                -- 2. Another run is executing: refuse. The refused row carries no state, so the next
                --    start still follows the running execution's outcome.
                SELECT @Status = 'A', @Next = NULL, @Last = @OpenID, @Closed = 1;
            END
            ELSE
            BEGIN
                SELECT TOP (1) @LatestID = ExecutionID, @LatestNext = NextLoadStatus,
                               @LatestStart = StartStatus, @LatestLast = LastExecutionID
                  FROM bfx.Execution
                 WHERE PackageID = @PackageID AND NextLoadStatus IS NOT NULL
                 ORDER BY ExecutionID DESC;

                IF @ParentExecutionID IS NOT NULL AND @LatestNext = 'C'
                    -- 3. This child succeeded in the failed run of its batch: skip it. The new row
                    --    keeps C, so it is skipped again if the batch fails again, until the batch
                    --    succeeds.
                    SELECT @Status = 'C', @Next = 'C', @Last = @SuccessID, @Closed = 1;
                ELSE IF @LatestNext = 'D'
                    -- 4. Databricks restart. A failed D run points on to the data it was
                    --    reprocessing, so a chain of restarts always reuses the original run's data.
                    SELECT @Status = 'D', @Next = 'D', @Closed = 0,
                           @Last = CASE WHEN @LatestStart = 'D' AND @LatestLast IS NOT NULL
                                        THEN @LatestLast ELSE @LatestID END;
                ELSE IF @LatestNext = 'R'
                    -- 5. Restart: extract again.
                    SELECT @Status = 'R', @Next = 'R', @Last = @SuccessID, @Closed = 0;
                ELSE
                    -- 6. Normal run. Its NextLoadStatus is R until it ends (see the table's comment).
                    SELECT @Status = 'E', @Next = 'R', @Last = @SuccessID, @Closed = 0;
            END;
        END;

        INSERT INTO bfx.Execution (ParentExecutionID, PackageID, RunId, StartStatus, ExecutionStatus,
                                   NextLoadStatus, LastExecutionID, StartTime, EndTime)
        VALUES (@ParentExecutionID, @PackageID, @RunId, @Status, @Status,
                @Next, @Last, @Now, CASE WHEN @Closed = 1 THEN @Now END);
        SET @ExecutionID = CONVERT(bigint, SCOPE_IDENTITY());

        COMMIT TRANSACTION;
    END TRY
    BEGIN CATCH
        IF @@TRANCOUNT > 0 ROLLBACK TRANSACTION;
        THROW;
    END CATCH;

    SELECT @ExecutionID AS ExecutionID, @Status AS ExecutionStatus,
           @Next AS NextLoadStatus, @Last AS LastExecutionID;
END;
GO

-- -------------------------------------------------------------------------------------------------
-- LogExecutionEnd: the run succeeded -> S. Only an open execution (E, R, D without EndTime) changes;
-- a repeated call, or a call for a refused (A), skipped (C) or failed (F) execution, does nothing.
-- -------------------------------------------------------------------------------------------------
CREATE OR ALTER PROCEDURE bfx.LogExecutionEnd
    @ExecutionID bigint
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;
    SET TRANSACTION ISOLATION LEVEL READ COMMITTED;

    DECLARE @Now datetimeoffset(7) = SYSDATETIMEOFFSET();
    DECLARE @Found bit = 0, @Status varchar(1), @EndTime datetimeoffset(7), @ParentID bigint;
    DECLARE @PackageID bigint, @IsBatch bit, @Next varchar(1) = 'P';

    BEGIN TRY
        BEGIN TRANSACTION;

        SELECT @Found = 1, @Status = e.ExecutionStatus, @EndTime = e.EndTime,
               @ParentID = e.ParentExecutionID, @PackageID = e.PackageID, @IsBatch = p.IsBatch
          FROM bfx.Execution AS e WITH (UPDLOCK, ROWLOCK)
          JOIN bfx.Package AS p ON p.PackageID = e.PackageID
         WHERE e.ExecutionID = @ExecutionID;

        IF @Found = 0
        BEGIN
            DECLARE @Message nvarchar(200) =
                CONCAT(N'bfx.LogExecutionEnd: there is no execution ', @ExecutionID, N'.');
            THROW 50002, @Message, 1;
        END;

        IF @Status IN ('E', 'R', 'D') AND @EndTime IS NULL
        BEGIN
            -- A child that finishes after its batch already failed (with R) is what C means: it
            -- succeeded although its batch failed, so the batch's re-run skips it.
            IF @ParentID IS NOT NULL AND EXISTS (
                   SELECT 1 FROM bfx.Execution
                    WHERE ExecutionID = @ParentID AND ExecutionStatus = 'F' AND NextLoadStatus = 'R')
                SET @Next = 'C';

            UPDATE bfx.Execution
               SET ExecutionStatus = 'S', NextLoadStatus = @Next, EndTime = @Now
             WHERE ExecutionID = @ExecutionID;

            IF @IsBatch = 1
                -- The batch succeeded, so nothing under it is pending: every child still marked C
                -- (by this run or by an earlier failed run of this batch, also one followed by D
                -- restarts that started no children) gets P, and the next run extracts again.
                UPDATE c
                   SET NextLoadStatus = 'P'
                  FROM bfx.Execution AS c
                 WHERE c.NextLoadStatus = 'C'
                   AND c.ParentExecutionID IN (SELECT b.ExecutionID FROM bfx.Execution AS b
                                                WHERE b.PackageID = @PackageID);
        END;

        COMMIT TRANSACTION;
    END TRY
    BEGIN CATCH
        IF @@TRANCOUNT > 0 ROLLBACK TRANSACTION;
        THROW;
    END CATCH;
END;
GO

-- -------------------------------------------------------------------------------------------------
-- LogExecutionError: record the error; an open run becomes F and gets its NextLoadStatus:
--   * a batch, FailedStage DATABRICKS, and every child of this run landed its data (succeeded, was
--     skipped, or itself failed only in Databricks; none when it was a D run)      -> D
--   * any other batch failure -> R, and each child that succeeded in this run gets C
--   * a package that is not a batch                                               -> R
-- A second error for an already failed execution can turn D into R (a copy failure found later
-- wins) but never R into D. Errors for executions that are not open or failed are only recorded.
-- -------------------------------------------------------------------------------------------------
CREATE OR ALTER PROCEDURE bfx.LogExecutionError
    @ExecutionID  bigint,
    @ActivityName nvarchar(500)  = NULL,
    @ErrorMessage nvarchar(max)  = NULL,
    @FailedStage  varchar(20)    = 'OTHER'
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;
    SET TRANSACTION ISOLATION LEVEL READ COMMITTED;

    DECLARE @Now datetimeoffset(7) = SYSDATETIMEOFFSET();
    DECLARE @Stage varchar(20) = UPPER(LTRIM(RTRIM(COALESCE(@FailedStage, ''))));
    DECLARE @Found bit = 0, @Status varchar(1), @EndTime datetimeoffset(7), @OldNext varchar(1);
    DECLARE @IsBatch bit, @Next varchar(1), @ResultNext varchar(1);

    -- An unknown stage must not make the error logging itself fail (that would hide the real
    -- error): it is recorded as OTHER, which restarts conservatively.
    IF @Stage NOT IN ('COPY', 'DATABRICKS', 'OTHER')
        SET @Stage = 'OTHER';

    BEGIN TRY
        BEGIN TRANSACTION;

        SELECT @Found = 1, @Status = e.ExecutionStatus, @EndTime = e.EndTime,
               @OldNext = e.NextLoadStatus, @IsBatch = p.IsBatch
          FROM bfx.Execution AS e WITH (UPDLOCK, ROWLOCK)
          JOIN bfx.Package AS p ON p.PackageID = e.PackageID
         WHERE e.ExecutionID = @ExecutionID;

        IF @Found = 0
        BEGIN
            DECLARE @Message nvarchar(200) =
                CONCAT(N'bfx.LogExecutionError: there is no execution ', @ExecutionID, N'.');
            THROW 50003, @Message, 1;
        END;

        INSERT INTO bfx.ExecutionError (ExecutionID, ActivityName, ErrorMessage, FailedStage, ErrorTime)
        VALUES (@ExecutionID, @ActivityName, @ErrorMessage, @Stage, @Now);

        IF (@Status IN ('E', 'R', 'D') AND @EndTime IS NULL) OR @Status = 'F'
        BEGIN
            IF @IsBatch = 1 AND @Stage = 'DATABRICKS' AND NOT EXISTS (
                   -- a child of this run whose data may not be landed
                   SELECT 1 FROM bfx.Execution AS c
                    WHERE c.ParentExecutionID = @ExecutionID
                      AND (c.ExecutionStatus IN ('E', 'R', 'D', 'A')
                           OR (c.ExecutionStatus = 'F' AND EXISTS (
                                   SELECT 1 FROM bfx.ExecutionError AS ce
                                    WHERE ce.ExecutionID = c.ExecutionID
                                      AND ce.FailedStage <> 'DATABRICKS'))))
                SET @Next = 'D';
            ELSE
                SET @Next = 'R';
            IF @Status = 'F' AND @OldNext = 'R'
                SET @Next = 'R';

            UPDATE bfx.Execution
               SET ExecutionStatus = 'F', NextLoadStatus = @Next, EndTime = COALESCE(EndTime, @Now)
             WHERE ExecutionID = @ExecutionID;

            IF @IsBatch = 1 AND @Next = 'R'
                -- Children that succeeded in this run keep their landed data: skip them on the
                -- re-run. Failed children keep R; children skipped in this run already say C.
                UPDATE bfx.Execution
                   SET NextLoadStatus = 'C'
                 WHERE ParentExecutionID = @ExecutionID AND ExecutionStatus = 'S';
        END;

        SELECT @ResultNext = NextLoadStatus FROM bfx.Execution WHERE ExecutionID = @ExecutionID;

        COMMIT TRANSACTION;
    END TRY
    BEGIN CATCH
        IF @@TRANCOUNT > 0 ROLLBACK TRANSACTION;
        THROW;
    END CATCH;

    SELECT @ExecutionID AS ExecutionID, @ResultNext AS NextLoadStatus;
END;
GO

-- -------------------------------------------------------------------------------------------------
-- LogRowCount: append one count.
-- -------------------------------------------------------------------------------------------------
CREATE OR ALTER PROCEDURE bfx.LogRowCount
    @ExecutionID bigint,
    @ObjectName  nvarchar(500) = NULL,
    @CountType   nvarchar(100) = NULL,
    @RowCount    bigint        = NULL
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    INSERT INTO bfx.[RowCount] (ExecutionID, ObjectName, CountType, [RowCount], LoggedAt)
    VALUES (@ExecutionID, @ObjectName, @CountType, @RowCount, SYSDATETIMEOFFSET());
END;
GO

-- -------------------------------------------------------------------------------------------------
-- GetConfigVariable: the stored value; when there is none (no row, or a NULL or empty value), the
-- default is stored and returned, so the first load starts from the default and the variable is
-- visible to operators from then on.
-- -------------------------------------------------------------------------------------------------
CREATE OR ALTER PROCEDURE bfx.GetConfigVariable
    @SystemName   nvarchar(100),
    @ObjectName   nvarchar(500),
    @VariableName nvarchar(100),
    @DefaultValue nvarchar(4000) = NULL,
    @ExecutionID  bigint         = NULL
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;
    SET TRANSACTION ISOLATION LEVEL READ COMMITTED;

    IF @SystemName IS NULL OR @ObjectName IS NULL OR @VariableName IS NULL
        THROW 50004, N'bfx.GetConfigVariable: SystemName, ObjectName and VariableName are required.', 1;

    DECLARE @Value nvarchar(4000);

    BEGIN TRY
        BEGIN TRANSACTION;

        -- UPDLOCK + HOLDLOCK: two first calls for one variable cannot both insert it.
        IF NOT EXISTS (SELECT 1 FROM bfx.ConfigVariable WITH (UPDLOCK, HOLDLOCK)
                        WHERE SystemName = @SystemName AND ObjectName = @ObjectName
                          AND VariableName = @VariableName)
            INSERT INTO bfx.ConfigVariable (SystemName, ObjectName, VariableName, VariableValue,
                                            ExecutionID, UpdatedAt)
            VALUES (@SystemName, @ObjectName, @VariableName, @DefaultValue, @ExecutionID, SYSDATETIMEOFFSET());
        ELSE IF @DefaultValue IS NOT NULL AND LTRIM(RTRIM(@DefaultValue)) <> N''
            UPDATE bfx.ConfigVariable
               SET VariableValue = @DefaultValue, ExecutionID = @ExecutionID, UpdatedAt = SYSDATETIMEOFFSET()
             WHERE SystemName = @SystemName AND ObjectName = @ObjectName
               AND VariableName = @VariableName
               AND (VariableValue IS NULL OR LTRIM(RTRIM(VariableValue)) = N'');

        SELECT @Value = VariableValue
          FROM bfx.ConfigVariable
         WHERE SystemName = @SystemName AND ObjectName = @ObjectName AND VariableName = @VariableName;

        COMMIT TRANSACTION;
    END TRY
    BEGIN CATCH
        IF @@TRANCOUNT > 0 ROLLBACK TRANSACTION;
        THROW;
    END CATCH;

    SELECT @Value AS VariableValue;
END;
GO

-- -------------------------------------------------------------------------------------------------
-- SetConfigVariable: move a high-watermark forward, never backwards (see the comparison helpers
-- above). NULL and empty values are ignored: a copy that read no rows reports no new maximum, and
-- must not reset the watermark. The replaced value stays in PreviousValue, with the execution that
-- set the new one, so an operator can roll back a load.
-- -------------------------------------------------------------------------------------------------
CREATE OR ALTER PROCEDURE bfx.SetConfigVariable
    @SystemName    nvarchar(100),
    @ObjectName    nvarchar(500),
    @VariableName  nvarchar(100),
    @VariableValue nvarchar(4000) = NULL,
    @ExecutionID   bigint         = NULL
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;
    SET TRANSACTION ISOLATION LEVEL READ COMMITTED;

    IF @SystemName IS NULL OR @ObjectName IS NULL OR @VariableName IS NULL
        THROW 50005, N'bfx.SetConfigVariable: SystemName, ObjectName and VariableName are required.', 1;
    IF @VariableValue IS NULL OR LTRIM(RTRIM(@VariableValue)) = N''
        RETURN;

    DECLARE @Found bit = 0, @Current nvarchar(4000);

    BEGIN TRY
        BEGIN TRANSACTION;

        -- Lock the row (or its key range) so two concurrent setters cannot both compare against the
        -- same old value, nor both insert it.
        SELECT @Found = 1, @Current = VariableValue
          FROM bfx.ConfigVariable WITH (UPDLOCK, HOLDLOCK)
         WHERE SystemName = @SystemName AND ObjectName = @ObjectName AND VariableName = @VariableName;

        IF @Found = 0
            INSERT INTO bfx.ConfigVariable (SystemName, ObjectName, VariableName, VariableValue,
                                            ExecutionID, UpdatedAt)
            VALUES (@SystemName, @ObjectName, @VariableName, @VariableValue, @ExecutionID, SYSDATETIMEOFFSET());
        ELSE IF @Current IS NULL OR LTRIM(RTRIM(@Current)) = N''
                OR bfx.WatermarkCompare(@VariableValue, @Current) > 0
            UPDATE bfx.ConfigVariable
               SET PreviousValue = VariableValue,
                   VariableValue = @VariableValue,
                   ExecutionID   = @ExecutionID,
                   UpdatedAt     = SYSDATETIMEOFFSET()
             WHERE SystemName = @SystemName AND ObjectName = @ObjectName AND VariableName = @VariableName;

        COMMIT TRANSACTION;
    END TRY
    BEGIN CATCH
        IF @@TRANCOUNT > 0 ROLLBACK TRANSACTION;
        THROW;
    END CATCH;
END;
GO

-- -------------------------------------------------------------------------------------------------
-- Record the version last, so its row means "every object of this version exists".
-- -------------------------------------------------------------------------------------------------
IF NOT EXISTS (SELECT 1 FROM bfx.CatalogVersion WHERE Version = 1)
    INSERT INTO bfx.CatalogVersion (Version, Description)
    VALUES (1, N'bfx run catalog: executions, errors, row counts, config variables');
GO
