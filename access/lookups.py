"""`in_array`: `column IN (subquery)`, asked on PostgreSQL as `column = ANY(ARRAY(subquery))`.

The subquery then runs once, first, and its ids are looked up by index. Two places need that:

- The visibility rule adds to the own team's cases the few the user is let into one by one (namings to
  a case, live emergency grants): `team_id = 1 OR id IN (SELECT …)`. PostgreSQL cannot know how few,
  and estimated a fifth of all cases for the OR: at the national scale it scanned all 500,000 cases for
  a team's 3,000. As an array, the OR is two index scans (BitmapOr) and the estimate is the team's.
- The work queue's clocks of the team's cases: as a semi-join, PostgreSQL read every open clock of the
  register due within the week (90,000 at national scale) and hashed them against the team's cases;
  as an array, it looks up the team's 3,000 cases in the clocks' index, in half the time.

(docs/benchmarks.md, session 16.) SQLite has no arrays and keeps `IN`; it has no such planner to
mislead, and its registers are small.
"""

from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Field, ForeignObject, Lookup
from django.db.models.fields.related_lookups import RelatedLookupMixin
from django.db.models.sql.compiler import SQLCompiler

Params = tuple[str | int, ...]


@Field.register_lookup
class InArray(Lookup):
    lookup_name = "in_array"

    def _sides(self, compiler: SQLCompiler, connection: BaseDatabaseWrapper) -> tuple[str, str, Params]:
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return lhs, rhs, (*lhs_params, *rhs_params)

    def as_sql(self, compiler: SQLCompiler, connection: BaseDatabaseWrapper) -> tuple[str, Params]:
        lhs, rhs, params = self._sides(compiler, connection)
        return f"{lhs} IN {rhs}", params

    def as_postgresql(self, compiler: SQLCompiler, connection: BaseDatabaseWrapper) -> tuple[str, Params]:
        lhs, rhs, params = self._sides(compiler, connection)
        return f"{lhs} = ANY(ARRAY{rhs})", params


@ForeignObject.register_lookup
class RelatedInArray(RelatedLookupMixin, InArray):
    """The same on a foreign key (`case_id__in_array`): Django looks up a relation's lookups apart."""
