import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_projects_status" AS ENUM('draft', 'active', 'completed', 'cancelled');
  CREATE TABLE "startups" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"company_name" varchar NOT NULL,
  	"description" varchar NOT NULL,
  	"website" varchar,
  	"startup_logo_id" integer,
  	"industry" varchar,
  	"stage" varchar,
  	"location" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "startups_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer
  );
  
  CREATE TABLE "investors" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"company_name" varchar NOT NULL,
  	"description" varchar NOT NULL,
  	"website" varchar,
  	"logo_id" integer,
  	"contact_email" varchar,
  	"investment_focus" varchar,
  	"ticket_size_min" numeric,
  	"ticket_size_max" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "investors_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer
  );
  
  CREATE TABLE "projects" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"startup_id" integer NOT NULL,
  	"title" varchar NOT NULL,
  	"description" varchar,
  	"status" "enum_projects_status" DEFAULT 'draft' NOT NULL,
  	"duration" numeric,
  	"funding_goal" numeric,
  	"current_funding" numeric DEFAULT 0,
  	"category_id" integer,
  	"email" varchar NOT NULL,
  	"has_patents" boolean DEFAULT false,
  	"is_participant" boolean DEFAULT false,
  	"is_active" boolean DEFAULT true,
  	"business_plan_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "project_categories" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"description" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "project_follows" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"investor_id" integer NOT NULL,
  	"project_id" integer NOT NULL,
  	"followed_at" timestamp(3) with time zone NOT NULL,
  	"is_active" boolean DEFAULT true NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "project_updates" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"project_id" integer NOT NULL,
  	"title" varchar NOT NULL,
  	"body" varchar NOT NULL,
  	"created_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "startups_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "investors_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "projects_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "project_categories_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "project_follows_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "project_updates_id" integer;
  ALTER TABLE "startups" ADD CONSTRAINT "startups_startup_logo_id_media_id_fk" FOREIGN KEY ("startup_logo_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "startups_rels" ADD CONSTRAINT "startups_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."startups"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "startups_rels" ADD CONSTRAINT "startups_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "investors" ADD CONSTRAINT "investors_logo_id_media_id_fk" FOREIGN KEY ("logo_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "investors_rels" ADD CONSTRAINT "investors_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."investors"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "investors_rels" ADD CONSTRAINT "investors_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "projects" ADD CONSTRAINT "projects_startup_id_startups_id_fk" FOREIGN KEY ("startup_id") REFERENCES "public"."startups"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "projects" ADD CONSTRAINT "projects_category_id_project_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."project_categories"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "projects" ADD CONSTRAINT "projects_business_plan_id_files_id_fk" FOREIGN KEY ("business_plan_id") REFERENCES "public"."files"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "project_follows" ADD CONSTRAINT "project_follows_investor_id_investors_id_fk" FOREIGN KEY ("investor_id") REFERENCES "public"."investors"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "project_follows" ADD CONSTRAINT "project_follows_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "project_updates" ADD CONSTRAINT "project_updates_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "project_updates" ADD CONSTRAINT "project_updates_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "startups_startup_logo_idx" ON "startups" USING btree ("startup_logo_id");
  CREATE INDEX "startups_industry_idx" ON "startups" USING btree ("industry");
  CREATE INDEX "startups_stage_idx" ON "startups" USING btree ("stage");
  CREATE INDEX "startups_updated_at_idx" ON "startups" USING btree ("updated_at");
  CREATE INDEX "startups_created_at_idx" ON "startups" USING btree ("created_at");
  CREATE INDEX "startups_rels_order_idx" ON "startups_rels" USING btree ("order");
  CREATE INDEX "startups_rels_parent_idx" ON "startups_rels" USING btree ("parent_id");
  CREATE INDEX "startups_rels_path_idx" ON "startups_rels" USING btree ("path");
  CREATE INDEX "startups_rels_users_id_idx" ON "startups_rels" USING btree ("users_id");
  CREATE INDEX "investors_logo_idx" ON "investors" USING btree ("logo_id");
  CREATE INDEX "investors_updated_at_idx" ON "investors" USING btree ("updated_at");
  CREATE INDEX "investors_created_at_idx" ON "investors" USING btree ("created_at");
  CREATE INDEX "investors_rels_order_idx" ON "investors_rels" USING btree ("order");
  CREATE INDEX "investors_rels_parent_idx" ON "investors_rels" USING btree ("parent_id");
  CREATE INDEX "investors_rels_path_idx" ON "investors_rels" USING btree ("path");
  CREATE INDEX "investors_rels_users_id_idx" ON "investors_rels" USING btree ("users_id");
  CREATE INDEX "projects_startup_idx" ON "projects" USING btree ("startup_id");
  CREATE INDEX "projects_status_idx" ON "projects" USING btree ("status");
  CREATE INDEX "projects_category_idx" ON "projects" USING btree ("category_id");
  CREATE INDEX "projects_is_active_idx" ON "projects" USING btree ("is_active");
  CREATE INDEX "projects_business_plan_idx" ON "projects" USING btree ("business_plan_id");
  CREATE INDEX "projects_updated_at_idx" ON "projects" USING btree ("updated_at");
  CREATE INDEX "projects_created_at_idx" ON "projects" USING btree ("created_at");
  CREATE UNIQUE INDEX "project_categories_name_idx" ON "project_categories" USING btree ("name");
  CREATE INDEX "project_categories_updated_at_idx" ON "project_categories" USING btree ("updated_at");
  CREATE INDEX "project_categories_created_at_idx" ON "project_categories" USING btree ("created_at");
  CREATE INDEX "project_follows_investor_idx" ON "project_follows" USING btree ("investor_id");
  CREATE INDEX "project_follows_project_idx" ON "project_follows" USING btree ("project_id");
  CREATE INDEX "project_follows_updated_at_idx" ON "project_follows" USING btree ("updated_at");
  CREATE INDEX "project_follows_created_at_idx" ON "project_follows" USING btree ("created_at");
  CREATE INDEX "project_updates_project_idx" ON "project_updates" USING btree ("project_id");
  CREATE INDEX "project_updates_created_by_idx" ON "project_updates" USING btree ("created_by_id");
  CREATE INDEX "project_updates_updated_at_idx" ON "project_updates" USING btree ("updated_at");
  CREATE INDEX "project_updates_created_at_idx" ON "project_updates" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_startups_fk" FOREIGN KEY ("startups_id") REFERENCES "public"."startups"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_investors_fk" FOREIGN KEY ("investors_id") REFERENCES "public"."investors"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_projects_fk" FOREIGN KEY ("projects_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_project_categories_fk" FOREIGN KEY ("project_categories_id") REFERENCES "public"."project_categories"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_project_follows_fk" FOREIGN KEY ("project_follows_id") REFERENCES "public"."project_follows"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_project_updates_fk" FOREIGN KEY ("project_updates_id") REFERENCES "public"."project_updates"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_startups_id_idx" ON "payload_locked_documents_rels" USING btree ("startups_id");
  CREATE INDEX "payload_locked_documents_rels_investors_id_idx" ON "payload_locked_documents_rels" USING btree ("investors_id");
  CREATE INDEX "payload_locked_documents_rels_projects_id_idx" ON "payload_locked_documents_rels" USING btree ("projects_id");
  CREATE INDEX "payload_locked_documents_rels_project_categories_id_idx" ON "payload_locked_documents_rels" USING btree ("project_categories_id");
  CREATE INDEX "payload_locked_documents_rels_project_follows_id_idx" ON "payload_locked_documents_rels" USING btree ("project_follows_id");
  CREATE INDEX "payload_locked_documents_rels_project_updates_id_idx" ON "payload_locked_documents_rels" USING btree ("project_updates_id");
  -- Money is exact: two decimals, never negative, current funding never above the goal.
  ALTER TABLE "projects" ALTER COLUMN "funding_goal" TYPE numeric(14,2), ALTER COLUMN "current_funding" TYPE numeric(14,2);
  ALTER TABLE "investors" ALTER COLUMN "ticket_size_min" TYPE numeric(14,2), ALTER COLUMN "ticket_size_max" TYPE numeric(14,2);
  ALTER TABLE "projects" ADD CONSTRAINT "projects_funding_non_negative" CHECK ("funding_goal" >= 0 AND "current_funding" >= 0);
  ALTER TABLE "projects" ADD CONSTRAINT "projects_funding_within_goal" CHECK ("funding_goal" IS NULL OR "current_funding" IS NULL OR "current_funding" <= "funding_goal");
  ALTER TABLE "projects" ADD CONSTRAINT "projects_participant_has_goal" CHECK (NOT COALESCE("is_participant", false) OR "funding_goal" IS NOT NULL);
  -- Company names are unique ignoring case (bind-company's ON CONFLICT relies on these).
  CREATE UNIQUE INDEX "startups_company_name_lower_idx" ON "startups" (lower("company_name"));
  CREATE UNIQUE INDEX "investors_company_name_lower_idx" ON "investors" (lower("company_name"));
  -- One active follow per investor and project.
  CREATE UNIQUE INDEX "project_follows_active_pair_idx" ON "project_follows" ("investor_id", "project_id") WHERE "is_active";
  -- The projects list: visible rows by recency.
  CREATE INDEX "projects_listed_created_idx" ON "projects" ("created_at" DESC, "id" DESC) WHERE "status" <> 'draft' AND "is_active";
  CREATE INDEX "startups_rels_owner_idx" ON "startups_rels" ("users_id", "parent_id") WHERE "path" = 'owners';
  CREATE INDEX "investors_rels_owner_idx" ON "investors_rels" ("users_id", "parent_id") WHERE "path" = 'owners';
`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "startups" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "startups_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "investors" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "investors_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "projects" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "project_categories" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "project_follows" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "project_updates" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "startups" CASCADE;
  DROP TABLE "startups_rels" CASCADE;
  DROP TABLE "investors" CASCADE;
  DROP TABLE "investors_rels" CASCADE;
  DROP TABLE "projects" CASCADE;
  DROP TABLE "project_categories" CASCADE;
  DROP TABLE "project_follows" CASCADE;
  DROP TABLE "project_updates" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_startups_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_investors_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_projects_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_project_categories_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_project_follows_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_project_updates_fk";
  
  DROP INDEX "payload_locked_documents_rels_startups_id_idx";
  DROP INDEX "payload_locked_documents_rels_investors_id_idx";
  DROP INDEX "payload_locked_documents_rels_projects_id_idx";
  DROP INDEX "payload_locked_documents_rels_project_categories_id_idx";
  DROP INDEX "payload_locked_documents_rels_project_follows_id_idx";
  DROP INDEX "payload_locked_documents_rels_project_updates_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "startups_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "investors_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "projects_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "project_categories_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "project_follows_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "project_updates_id";
  DROP TYPE "public"."enum_projects_status";`)
}
